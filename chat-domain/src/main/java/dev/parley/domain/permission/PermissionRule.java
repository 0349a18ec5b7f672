package dev.parley.domain.permission;

import dev.parley.domain.access.Decision;

/** One named rule of the {@link PermissionPolicy}. Answers {@link Decision#allow()} to pass. */
@FunctionalInterface
public interface PermissionRule {
  Decision check(PermissionRequest request);
}
