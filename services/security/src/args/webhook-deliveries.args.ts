import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '@ioc/kit';
import { WebhookDeliveryStatus, WebhookEvent } from '../enums/webhook.enum';

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'FAILED lists the deliveries that used up their attempts.' })
  status?: WebhookDeliveryStatus | null;

  @Field(() => WebhookEvent, { nullable: true })
  event?: WebhookEvent | null;
}
