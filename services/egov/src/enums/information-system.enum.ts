import { registerEnumType } from 'type-graphql';

export enum SystemCategory {
  GOVERNMENT_OPERATIONS = 'GOVERNMENT_OPERATIONS',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  DATA_PLATFORM = 'DATA_PLATFORM',
  CITIZEN_ENGAGEMENT = 'CITIZEN_ENGAGEMENT',
  SECURITY = 'SECURITY',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  SECTOR_DATABASE = 'SECTOR_DATABASE',
}

registerEnumType(SystemCategory, { name: 'SystemCategory', description: 'What an information system is for.' });
