package io.chartersync.console;

import java.util.List;

/** The mailbox (embedded mode): a page of the outbox, newest first, and the links to the pages around it. */
public record MailboxPage(Shell shell, List<BookingDetailPage.EmailLine> emails, int page, boolean hasNext) {
    public MailboxPage {
        emails = List.copyOf(emails);
    }

    public String previousHref() {
        return page <= 2 ? "/mailbox" : "/mailbox?page=" + (page - 1);
    }

    public String nextHref() {
        return "/mailbox?page=" + (page + 1);
    }
}
