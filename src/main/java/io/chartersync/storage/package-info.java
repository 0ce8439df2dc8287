/** Blob storage for the guest site (files, or S3 and compatible stores), upload signing, CDN invalidation; see SiteStorage. */
package io.chartersync.storage;
