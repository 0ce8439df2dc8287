/** Guest pages: rendering, slugs, publishing, the upload entry point and guest photo re-encoding. */
package io.chartersync.guestpage;
