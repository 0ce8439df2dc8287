/** Shared building blocks every module may use: the exception hierarchy, hashing, tokens and JSON. */
package io.chartersync.common;
