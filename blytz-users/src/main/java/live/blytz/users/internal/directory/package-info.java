/**
 * Who is who: a person's profile joined with their account facts, read one at a time or as the admins' filtered,
 * sorted list.
 */
@NullMarked
package live.blytz.users.internal.directory;

import org.jspecify.annotations.NullMarked;
