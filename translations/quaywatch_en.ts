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
    <name>ContainerDetailPane</name>
    <message numerus="yes">
        <source>%1 at %2 (times in %3), %n event(s)</source>
        <translation>
            <numerusform>%1 at %2 (times in %3), %n event</numerusform>
            <numerusform>%1 at %2 (times in %3), %n events</numerusform>
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
        <source>, %n row(s) rejected:</source>
        <translation>
            <numerusform>, %n row rejected:</numerusform>
            <numerusform>, %n rows rejected:</numerusform>
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
