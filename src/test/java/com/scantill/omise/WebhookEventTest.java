package com.scantill.omise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookEventTest {

    @Test
    void aChargeEventNamesItsCharge() {
        WebhookEvent event = WebhookEvent.parse("""
                {"object":"event","id":"evnt_test_5xbhg","livemode":false,"location":"/events/evnt_test_5xbhg",
                 "key":"charge.complete","created_at":"2026-11-26T09:00:00Z","a_field_of_a_later_version":{"x":1},
                 "data":{"object":"charge","id":"chrg_test_5xbhf","amount":"written at another API version",
                         "status":"a status this version does not know"}}""");
        assertThat(event).isEqualTo(new WebhookEvent("evnt_test_5xbhg", "charge.complete", "chrg_test_5xbhf", false));
        assertThat(event.concernsACharge()).isTrue();
    }

    @Test
    void aRefundEventNamesTheChargeRefunded() {
        WebhookEvent event = WebhookEvent.parse("""
                {"object":"event","id":"evnt_1","livemode":true,"key":"refund.create",
                 "data":{"object":"refund","id":"rfnd_1","charge":"chrg_1","amount":100}}""");
        assertThat(event.chargeId()).isEqualTo("chrg_1");
        assertThat(event.livemode()).isTrue();
        assertThat(event.concernsACharge()).isTrue();
    }

    @Test
    void aChargesCreationAndEventsAboutAnythingElseAreNothingToActOn() {
        assertThat(WebhookEvent.parse("""
                {"object":"event","id":"evnt_2","key":"charge.create","data":{"object":"charge","id":"chrg_2"}}""")
                .concernsACharge()).isFalse();
        WebhookEvent customer = WebhookEvent.parse("""
                {"object":"event","id":"evnt_3","key":"customer.create","data":{"object":"customer","id":"cust_3"}}""");
        assertThat(customer.chargeId()).isNull();
        assertThat(customer.concernsACharge()).isFalse();
    }

    @Test
    void whatIsNotAnOmiseEventIsRefusedWithAReason() {
        assertThatThrownBy(() -> WebhookEvent.parse("not json {")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> WebhookEvent.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookEvent.parse("{\"object\":\"charge\",\"id\":\"chrg_1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Omise event");
        assertThatThrownBy(() -> WebhookEvent.parse("{\"object\":\"event\",\"key\":\"charge.complete\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> WebhookEvent.parse("{\"object\":\"event\",\"id\":\"evnt_1\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    }

    @Test
    void aChargeIdThatIsNotOneIsNotTakenForOne() {
        WebhookEvent event = WebhookEvent.parse("""
                {"object":"event","id":"evnt_4","key":"charge.complete","data":{"object":"charge","id":"../../etc/passwd"}}""");
        assertThat(event.chargeId()).isNull();
        assertThat(event.concernsACharge()).isFalse();
    }
}
