/**
 * The vocabulary of access control: roles ordered by power level, the actions a member can try, the
 * minimum role per action, and the {@link dev.parley.domain.access.Decision} every rule answers
 * with. The policy that combines them lives in {@code dev.parley.domain.permission}.
 */
package dev.parley.domain.access;
