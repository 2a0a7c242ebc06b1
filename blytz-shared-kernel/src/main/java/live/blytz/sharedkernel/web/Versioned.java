package live.blytz.sharedkernel.web;

/**
 * A response body that is one versioned resource (a profile, product or category). The web layer sends its
 * {@code version} as the response's {@code ETag} ({@link EntityTags}), on reads and writes alike.
 */
public interface Versioned {

    long version();
}
