/**
 * Local channels between the studio's own processes: lines of text over a Unix-domain socket (or loopback TCP) in a
 * directory only this user can open. Depends on nothing else of the code base; {@code app.studio} (single instance)
 * and {@code app.worker} (the run worker) use it.
 */
package io.tsstudio.app.ipc;
