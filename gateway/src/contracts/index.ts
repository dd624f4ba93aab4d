export { apiSchemaOf, buildContractSchema, ContractError, printContract, tagsOf } from './contract';
export { audienceOf, contracts, ContractSchemas, type Audience } from './audiences';
