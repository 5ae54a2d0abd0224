<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddContainersDialog</name>
    <message numerus="yes">
        <source>Add %n container(s)</source>
        <translation>
            <numerusform>Add %n container</numerusform>
            <numerusform>Add %n containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChangeReferenceDialog</name>
    <message numerus="yes">
        <source>The new reference replaces the old one on %n subscription(s) and starts a new 90-day window.</source>
        <translation>
            <numerusform>The new reference replaces the old one on %n subscription and starts a new 90-day window.</numerusform>
            <numerusform>The new reference replaces the old one on %n subscriptions and starts a new 90-day window.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleWiring</name>
    <message numerus="yes">
        <source>Inbox: %n file(s) imported</source>
        <translation>
            <numerusform>Inbox: %n file imported</numerusform>
            <numerusform>Inbox: %n files imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>Demurrage running: %1 on %n container(s) still at the terminal</source>
        <translation>
            <numerusform>Demurrage running: %1 on %n container still at the terminal</numerusform>
            <numerusform>Demurrage running: %1 on %n containers still at the terminal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) at risk: LFD in the next 2 days</source>
        <translation>
            <numerusform>%n container at risk: LFD in the next 2 days</numerusform>
            <numerusform>%n containers at risk: LFD in the next 2 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataSourcesPage</name>
    <message numerus="yes">
        <source>Send %n dead letters to %1 again?</source>
        <translation>
            <numerusform>Send %n dead letter to %1 again?</numerusform>
            <numerusform>Send %n dead letters to %1 again?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The %n selected container(s)</source>
        <translation>
            <numerusform>The %n selected container</numerusform>
            <numerusform>The %n selected containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n row(s) written</source>
        <translation>
            <numerusform>Exporting… %n row written</numerusform>
            <numerusform>Exporting… %n rows written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n container(s) to import</source>
        <translation>
            <numerusform>%n container to import</numerusform>
            <numerusform>%n containers to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n repeated row(s) skipped</source>
        <translation>
            <numerusform>, %n repeated row skipped</numerusform>
            <numerusform>, %n repeated rows skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n row(s) rejected (listed below)</source>
        <translation>
            <numerusform>, %n row rejected (listed below)</numerusform>
            <numerusform>, %n rows rejected (listed below)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Workers: %n active</source>
        <translation>
            <numerusform>Workers: %n active</numerusform>
            <numerusform>Workers: %n active</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message numerus="yes">
        <source>… and %n more in Quaywatch</source>
        <translation>
            <numerusform>… and %n more in Quaywatch</numerusform>
            <numerusform>… and %n more in Quaywatch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container update(s)</source>
        <translation>
            <numerusform>%n container update</numerusform>
            <numerusform>%n container updates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleRuleModel</name>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every %n hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n second(s)</source>
        <translation>
            <numerusform>every %n second</numerusform>
            <numerusform>every %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPresentation</name>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>overdue %n day</numerusform>
            <numerusform>overdue %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionService</name>
    <message numerus="yes">
        <source>Subscribing %n number(s)…</source>
        <translation>
            <numerusform>Subscribing %n number…</numerusform>
            <numerusform>Subscribing %n numbers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Subscribed %n number(s)</source>
        <translation>
            <numerusform>Subscribed %n number</numerusform>
            <numerusform>Subscribed %n numbers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changing the reference of %n subscription(s)…</source>
        <translation>
            <numerusform>Changing the reference of %n subscription…</numerusform>
            <numerusform>Changing the reference of %n subscriptions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removing %n subscription(s)…</source>
        <translation>
            <numerusform>Removing %n subscription…</numerusform>
            <numerusform>Removing %n subscriptions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n subscription(s)</source>
        <translation>
            <numerusform>Removed %n subscription</numerusform>
            <numerusform>Removed %n subscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Publishing %n container(s) for tracing…</source>
        <translation>
            <numerusform>Publishing %n container for tracing…</numerusform>
            <numerusform>Publishing %n containers for tracing…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling tracing of %n container(s)…</source>
        <translation>
            <numerusform>Cancelling tracing of %n container…</numerusform>
            <numerusform>Cancelling tracing of %n containers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n container(s)</source>
        <translation>
            <numerusform>Published %n container</numerusform>
            <numerusform>Published %n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled tracing of %n container(s)</source>
        <translation>
            <numerusform>Cancelled tracing of %n container</numerusform>
            <numerusform>Cancelled tracing of %n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already published; use Trace now to publish again</source>
        <translation>
            <numerusform>%n already published; use Trace now to publish again</numerusform>
            <numerusform>%n already published; use Trace now to publish again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (%n day left)</numerusform>
            <numerusform>%1 (%n days left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message numerus="yes">
        <source>Remove %n subscription(s) at %1? No more callbacks will come for: %2</source>
        <translation>
            <numerusform>Remove %n subscription at %1? No more callbacks will come for: %2</numerusform>
            <numerusform>Remove %n subscriptions at %1? No more callbacks will come for: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>Note for %n container(s), e.g. who handles it:</source>
        <translation>
            <numerusform>Note for %n container, e.g. who handles it:</numerusform>
            <numerusform>Note for %n containers, e.g. who handles it:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) overdue or due today</source>
        <translation>
            <numerusform>%n container overdue or due today</numerusform>
            <numerusform>%n containers overdue or due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due tomorrow</source>
        <translation>
            <numerusform>%n due tomorrow</numerusform>
            <numerusform>%n due tomorrow</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on hold</source>
        <translation>
            <numerusform>%n on hold</numerusform>
            <numerusform>%n on hold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>Tracing %n container now</numerusform>
            <numerusform>Tracing %n containers now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n container(s)</source>
        <translation>
            <numerusform>Acknowledged %n container</numerusform>
            <numerusform>Acknowledged %n containers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodaySituations</name>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every %n minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every %n hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message numerus="yes">
        <source>Stop tracing %n container(s)? Their history is kept.</source>
        <translation>
            <numerusform>Stop tracing %n container? Their history is kept.</numerusform>
            <numerusform>Stop tracing %n containers? Their history is kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>Tracing %n container now</numerusform>
            <numerusform>Tracing %n containers now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped tracing %n container(s)</source>
        <translation>
            <numerusform>Stopped tracing %n container</numerusform>
            <numerusform>Stopped tracing %n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reference of %n container(s) changed; tracing window restarted</source>
        <translation>
            <numerusform>Reference of %n container changed; tracing window restarted</numerusform>
            <numerusform>Reference of %n containers changed; tracing window restarted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n container(s)</source>
        <translation>
            <numerusform>Copied %n container</numerusform>
            <numerusform>Copied %n containers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n container(s) to %1</source>
        <translation>
            <numerusform>Exported %n container to %1</numerusform>
            <numerusform>Exported %n containers to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
