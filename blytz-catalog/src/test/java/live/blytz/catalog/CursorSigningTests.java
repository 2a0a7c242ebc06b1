package live.blytz.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import live.blytz.BlytzIntegrationTest;
import live.blytz.sharedkernel.paging.Cursor;
import live.blytz.sharedkernel.paging.CursorCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Keyset cursors are signed (ADR 0017): a client can hand back only a cursor this API issued, under the current key
 * or the previous one, and even a validly signed cursor must carry keys as strict as the filters.
 */
@BlytzIntegrationTest
class CursorSigningTests {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    /** The application's own codec: its first key signs, all verify. */
    @Autowired
    CursorCodec cursors;
    /** The test profile's keys: the current one, then the previous one. */
    @Value("${blytz.paging.cursor-keys}")
    List<String> keys;

    UUID seller;
    List<UUID> byPrice;

    @BeforeEach
    void setUp() {
        CatalogRows rows = new CatalogRows(jdbc);
        seller = rows.seller("Cursor seller " + UUID.randomUUID());
        UUID category = rows.category(null);
        byPrice = List.of(rows.product(seller, category).price("10.00").insert(),
                rows.product(seller, category).price("20.00").insert(),
                rows.product(seller, category).price("30.00").insert());
    }

    @Test
    void anUnsignedCursorIsA400() {
        // Exactly what cursors looked like before they were signed, and what a forger writes.
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                String.join("\u001f", "price", "10.00", byPrice.getFirst().toString()).getBytes(StandardCharsets.UTF_8));
        expectRefused("sort=price&cursor=" + unsigned);
    }

    @Test
    void aTamperedCursorIsA400() {
        String issued = nextCursor(list("sort=price&page_size=1"));
        byte[] bytes = Base64.getUrlDecoder().decode(issued);
        bytes[6] ^= 1; // the first digit of the price key: "10.00" becomes "00.00"
        expectRefused("sort=price&page_size=1&cursor=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        expectRefused("sort=price&page_size=1&cursor=" + issued.substring(0, issued.length() - 2));
    }

    @Test
    void aCursorSignedWithThePreviousKeyStillWorksAfterRotation() {
        CursorCodec previous = CursorCodec.ofBase64(List.of(keys.get(1)));
        String inFlight = previous.encode(Cursor.of("price", "10.00", byPrice.get(0).toString()));

        Map<String, Object> page = list("sort=price&page_size=1&cursor=" + inFlight);

        assertThat(ProductBrowsingTests.ids(page)).containsExactly(byPrice.get(1).toString());
        Cursor next = CursorCodec.ofBase64(List.of(keys.getFirst())).decode(nextCursor(page), 3);
        assertThat(next.values()).containsExactly("price", "20.00", byPrice.get(1).toString());
    }

    @Test
    void aCursorSignedWithAnUnknownKeyIsA400() {
        CursorCodec stranger = new CursorCodec(List.of(CursorCodec.randomKey()));
        expectRefused("sort=price&cursor=" + stranger.encode(Cursor.of("price", "10.00", byPrice.getFirst().toString())));
    }

    @Test
    void aSignedCursorWithAHugeScalePriceIsRefusedQuickly() {
        // Signed with the real key: only the strict check of the key keeps it from PostgreSQL's driver.
        String crafted = cursors.encode(Cursor.of("price", "1E-20000000", byPrice.getFirst().toString()));
        long started = System.nanoTime();
        expectRefused("sort=price&cursor=" + crafted);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void everySignedKeyIsCheckedAsStrictlyAsItsFilter() {
        String id = byPrice.getFirst().toString();
        expectRefused("sort=price&cursor=" + signed("price", "-1", id));
        expectRefused("sort=price&cursor=" + signed("price", "10000000000", id));
        expectRefused("sort=-created_at&cursor=" + signed("-created_at", "+1000000000-01-01T00:00:00Z", id));
        expectRefused("sort=title&cursor=" + signed("title", "x".repeat(201), id));
        expectRefused("sort=view_count&cursor=" + signed("view_count", "-1", id));
        expectRefused("sort=price&cursor=" + signed("price", "10.00", "1-1-1-1-1"));
        expectRefused("sort=title&cursor=" + signed("price", "10.00", id)); // another sort's cursor
        // The same keys in range are accepted: the refusals above are about the values.
        assertThat(ProductBrowsingTests.ids(list("sort=price&cursor=" + signed("price", "10.00", id))))
                .containsExactly(byPrice.get(1).toString(), byPrice.get(2).toString());
    }

    private String signed(String... values) {
        return cursors.encode(Cursor.of(values));
    }

    private Map<String, Object> list(String query) {
        return http.get().uri("/api/v1/products?seller_id=" + seller + "&" + query).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                .getResponseBody();
    }

    private void expectRefused(String query) {
        http.get().uri("/api/v1/products?seller_id=" + seller + "&" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("cursor"));
    }

    private static String nextCursor(Map<String, Object> page) {
        return (String) ProductBrowsingTests.pagination(page).get("next_cursor");
    }
}
