/**
 * The users module's implementation, not visible to other modules: one package per feature (its controller,
 * service, repository and request/response records together), and the module's route rules here.
 */
@NullMarked
package live.blytz.users.internal;

import org.jspecify.annotations.NullMarked;
