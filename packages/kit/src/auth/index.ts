export * from './auth-checker';
export * from './gateway-token';
export * from './principal';
export * from './policy';
export * from './type-access';
