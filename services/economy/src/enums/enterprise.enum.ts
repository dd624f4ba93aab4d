import { registerEnumType } from 'type-graphql';

export enum EnterpriseOrder {
  NAME = 'NAME',
  TAX_CODE = 'TAX_CODE',
  EMPLOYEES_DESC = 'EMPLOYEES_DESC',
  PLATFORM_JOINED_DESC = 'PLATFORM_JOINED_DESC',
}

registerEnumType(EnterpriseOrder, { name: 'EnterpriseOrder', description: 'Sort order of enterprise lists (ties broken by tax code).' });

export enum EnterpriseSector {
  ICT = 'ICT',
  AGRICULTURE = 'AGRICULTURE',
  AQUACULTURE = 'AQUACULTURE',
  FOOD_PROCESSING = 'FOOD_PROCESSING',
  HANDICRAFT = 'HANDICRAFT',
  TRADE_SERVICES = 'TRADE_SERVICES',
}

registerEnumType(EnterpriseSector, {
  name: 'EnterpriseSector',
  description: 'Main line of business. ICT: công nghệ thông tin (the plan counts 115 such enterprises).',
});

export enum IctActivity {
  HARDWARE = 'HARDWARE',
  SOFTWARE = 'SOFTWARE',
  IT_SERVICES = 'IT_SERVICES',
  DIGITAL_CONTENT = 'DIGITAL_CONTENT',
}

registerEnumType(IctActivity, { name: 'IctActivity', description: 'What an ICT enterprise mainly does (hardware trade, software, IT services, digital content).' });

export enum LegalForm {
  LIMITED_LIABILITY = 'LIMITED_LIABILITY',
  SINGLE_MEMBER_LIMITED_LIABILITY = 'SINGLE_MEMBER_LIMITED_LIABILITY',
  JOINT_STOCK = 'JOINT_STOCK',
  PRIVATE_ENTERPRISE = 'PRIVATE_ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
}

registerEnumType(LegalForm, {
  name: 'EnterpriseLegalForm',
  description: 'Công ty TNHH, Công ty TNHH MTV, Công ty cổ phần, Doanh nghiệp tư nhân, Hợp tác xã.',
});
