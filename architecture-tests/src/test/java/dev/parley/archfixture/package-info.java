/**
 * Fixtures for {@code dev.parley.architecture.RulesCatchViolationsTest}: {@code bad} and {@code
 * good} each mirror Parley's real package tree ({@code domain}, {@code application.port.in}, ...)
 * under their own root, so the production rule factories can run on them unchanged. Test classes
 * only: {@code ImportOption.DoNotIncludeTests} keeps them away from the real rules, and {@code
 * ImportScopeTest} checks that it does.
 */
package dev.parley.archfixture;
