/**
 * Strict JSON input: Jackson takes a value only in the JSON type the API documents for it (no coercion), rejects
 * duplicate keys and trailing content, and refuses {@code null} where the code says a value cannot be null.
 */
@NullMarked
package live.blytz.platform.json;

import org.jspecify.annotations.NullMarked;
