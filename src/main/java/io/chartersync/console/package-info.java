/** The operator console, entered through {@code ConsoleModule}: accounts, sign-in, sessions and the console's pages. */
package io.chartersync.console;
