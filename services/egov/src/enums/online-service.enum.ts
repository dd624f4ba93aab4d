import { registerEnumType } from 'type-graphql';

export enum OnlineServiceSort {
  ID = 'ID',
  NAME = 'NAME',
  LEVEL_DESC = 'LEVEL_DESC',
}

registerEnumType(OnlineServiceSort, { name: 'OnlineServiceSort' });

export enum ServiceProvision {
  FULL_PROCESS = 'FULL_PROCESS',
  PARTIAL = 'PARTIAL',
  INFORMATION = 'INFORMATION',
}

registerEnumType(ServiceProvision, {
  name: 'ServiceProvision',
  description: 'FULL_PROCESS (toàn trình, level 4), PARTIAL (một phần, level 3), INFORMATION (level 2: forms and guidance only).',
});
