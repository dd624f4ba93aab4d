/** Every row of this subgraph belongs to Trà Vinh (GSO code 84). */
export const provinceCode = '84';
