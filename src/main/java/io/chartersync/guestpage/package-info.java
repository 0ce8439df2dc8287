/** Guest pages: rendering, slugs, publishing and the upload entry point. */
package io.chartersync.guestpage;
