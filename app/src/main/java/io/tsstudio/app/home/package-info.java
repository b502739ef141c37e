/**
 * Where the studio keeps its files on this machine: the user data folder, the native library caches' locations
 * ({@link io.tsstudio.app.home.NativeCacheDirs}) and the rotating log ({@link io.tsstudio.app.home.AppLog}). Used by
 * the launcher, the studio and the worker; depends on nothing else in the app, so they can all use it without a
 * package cycle.
 */
package io.tsstudio.app.home;
