/** Entry point, CLI commands, configuration and the composition root that wires every module by constructor. */
package io.chartersync.app;
