/**
 * What the tests of every module share: the fixtures locator ({@link io.tsstudio.testkit.SharedFixtures}) and the
 * architecture rules ({@link io.tsstudio.testkit.ArchitectureRules}, run per module through
 * {@link io.tsstudio.testkit.ModuleArchitectureTest}). Engine, ui and app depend on it in test scope; it depends on no
 * project module, so the reactor builds it first and {@code mvn verify} needs no install.
 */
package io.tsstudio.testkit;
