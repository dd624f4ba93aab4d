import { registerEnumType } from 'type-graphql';

export enum FeedbackSort {
  RECEIVED_AT_DESC = 'RECEIVED_AT_DESC',
  RECEIVED_AT_ASC = 'RECEIVED_AT_ASC',
}

registerEnumType(FeedbackSort, { name: 'FeedbackSort' });

export enum FeedbackCategory {
  ADMINISTRATIVE_PROCEDURE = 'ADMINISTRATIVE_PROCEDURE',
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  ENVIRONMENT = 'ENVIRONMENT',
  PUBLIC_ORDER = 'PUBLIC_ORDER',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  LAND = 'LAND',
  OTHER = 'OTHER',
}

registerEnumType(FeedbackCategory, { name: 'FeedbackCategory' });

export enum FeedbackChannel {
  PORTAL = 'PORTAL',
  SMART_TRA_VINH = 'SMART_TRA_VINH',
  HOTLINE = 'HOTLINE',
  EMAIL = 'EMAIL',
  IN_PERSON = 'IN_PERSON',
}

registerEnumType(FeedbackChannel, { name: 'FeedbackChannel', description: 'PAKN portal, Smart Trà Vinh app, hotline, e-mail or in person.' });

export enum FeedbackStatus {
  RECEIVED = 'RECEIVED',
  PROCESSING = 'PROCESSING',
  ANSWERED = 'ANSWERED',
}

registerEnumType(FeedbackStatus, { name: 'FeedbackStatus' });
