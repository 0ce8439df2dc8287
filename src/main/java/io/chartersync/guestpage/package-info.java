/** Guest pages, entered through GuestPageModule: publishing, photo uploads and the gallery, each boat's what to bring. */
package io.chartersync.guestpage;
