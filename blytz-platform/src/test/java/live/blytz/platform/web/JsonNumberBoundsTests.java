package live.blytz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The JSON binding bounds every decimal of every body with the shared kernel's money rule, before any endpoint
 * code runs (the probe endpoint has nothing but {@code @Positive}).
 */
@BlytzIntegrationTest
class JsonNumberBoundsTests {

    @Autowired
    RestTestClient http;

    @Test
    void aDecimalOutsideTheBoundsOfMoneyIsAQuick400NamingTheField() {
        for (String amount : new String[] {"1E-999999999", "1e-2147483647", "1E+999999999", "1E-20000000",
                "1" + "0".repeat(Money.MAX_INTEGER_DIGITS), "0.00001"}) {
            long started = System.nanoTime();
            http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\": \"Lamp\", \"starting_price\": " + amount + "}")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.errors[*].field").isEqualTo(List.of("starting_price"))
                    .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).startsWith("must have at most"));
            // Expanding such a number (a billion digits) takes minutes or exhausts the heap; the bound only tells that
            // apart from a refusal before any arithmetic, generously enough for a loaded CI machine.
            assertThat((System.nanoTime() - started) / 1_000_000).as(amount + ", milliseconds").isLessThan(10_000);
        }
        http.post().uri("/test/probe/open/listings").contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"Lamp\", \"starting_price\": 999999999999999.9999}")
                .exchange()
                .expectStatus().isOk();
    }
}
