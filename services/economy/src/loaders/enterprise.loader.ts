import { loadManyBy, type LoaderContext } from '@ioc/kit';
import { EcommerceProduct } from '../entities/ecommerce-product.entity';

/** An enterprise's listings, in the order lists show them. */
export const productsOfEnterprise = (ctx: LoaderContext, taxCode: string): Promise<EcommerceProduct[]> =>
  loadManyBy(ctx, EcommerceProduct, 'enterpriseTaxCode', taxCode, { searchName: 'ASC', id: 'ASC' });
