package io.chartersync.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What other packages may use of storage: {@link SiteStorage} (which opens S3 and CloudFront, both hidden), the
 * blob and CDN interfaces with their values, the local files and upload signer the root builds, the settings
 * {@code AppConfig} reads, and the failure callers see.
 */
class PublicSurfaceTest {
    @Test
    void the_s3_and_cloudfront_clients_stay_inside_the_package() {
        classes()
                .that()
                .resideInAPackage("io.chartersync.storage")
                .and()
                .arePublic()
                .should()
                .haveNameMatching("io\\.chartersync\\.storage\\.(SiteStorage|BlobStore|Blob|UploadTarget|CdnInvalidator"
                        + "|FileBlobStore|LocalUploads|StorageUrl|AwsKeys|StorageException)")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chartersync.storage"));
    }
}
