package io.usher.payments.stripe;

/** Stripe-shaped JSON (API version 2026-07-29.dahlia) for the fakes. */
public final class StripeJson {
  private StripeJson() {}

  public static String event(String id, String type, long created, String object) {
    return """
        {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,
         "livemode":false,"pending_webhooks":0,"request":{"id":null,"idempotency_key":null},
         "type":"%s","data":{"object":%s}}"""
        .formatted(id, created, type, object);
  }

  public static String list(boolean hasMore, String... events) {
    return "{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":"
        + hasMore
        + ",\"data\":["
        + String.join(",", events)
        + "]}";
  }

  public static String oneTimeSession(String id, String paymentIntent, String reference) {
    return """
        {"id":"%s","object":"checkout.session","mode":"payment","status":"complete",
         "payment_status":"paid","client_reference_id":"%s","metadata":{"usher_order":"%s"},
         "customer":null,"customer_email":"alice@example.com",
         "customer_details":{"email":"Alice@Example.com","name":"Alice"},
         "payment_intent":"%s","invoice":null,"subscription":null,
         "amount_total":1250,"currency":"usd","url":null}"""
        .formatted(id, reference, reference, paymentIntent);
  }

  public static String subscriptionSession(String id, String invoice, String subscription) {
    return """
        {"id":"%s","object":"checkout.session","mode":"subscription","status":"complete",
         "payment_status":"paid","client_reference_id":"ord-2","metadata":{"usher_order":"ord-2"},
         "customer":"cus_1","customer_details":{"email":"bob@example.com"},
         "payment_intent":null,"invoice":"%s","subscription":"%s",
         "amount_total":1000,"currency":"usd","url":null}"""
        .formatted(id, invoice, subscription);
  }

  public static String invoice(String id, String subscription, String email, long amountPaid) {
    return """
        {"id":"%s","object":"invoice","status":"paid","customer":"cus_1","customer_email":"%s",
         "amount_paid":%d,"currency":"usd","billing_reason":"subscription_cycle",
         "parent":{"type":"subscription_details","quote_details":null,
           "subscription_details":{"subscription":"%s","metadata":{"usher_order":"ord-2"}}}}"""
        .formatted(id, email, amountPaid, subscription);
  }

  /** An invoice the owner sent from Stripe's dashboard: no subscription, no Usher order. */
  public static String manualInvoice(String id, String email, long amountPaid) {
    return """
        {"id":"%s","object":"invoice","status":"paid","customer":"cus_9","customer_email":"%s",
         "amount_paid":%d,"currency":"usd","billing_reason":"manual","parent":null,
         "metadata":{}}"""
        .formatted(id, email, amountPaid);
  }

  public static String subscription(String id) {
    return """
        {"id":"%s","object":"subscription","status":"canceled","customer":"cus_1",
         "metadata":{"usher_order":"ord-2"}}"""
        .formatted(id);
  }

  public static String error(String type, String message) {
    return "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
  }
}
