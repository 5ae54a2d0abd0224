<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddContainersDialog</name>
    <message>
        <source>Add containers</source>
        <translation>Containers toevoegen</translation>
    </message>
    <message>
        <source>Type or paste container numbers: one per line, or separated by commas or spaces</source>
        <translation>Typ of plak containernummers: één per regel, of gescheiden door komma&apos;s of spaties</translation>
    </message>
    <message>
        <source>Optional, at most %1 characters</source>
        <translation>Optioneel, hoogstens %1 tekens</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Aanbieder:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referentie:</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1: %2</source>
        <translation>✗ %1: %2</translation>
    </message>
    <message>
        <source>%1 valid, %2 invalid</source>
        <translation>%1 geldig, %2 ongeldig</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
    <message>
        <source>%1 *:</source>
        <translation>%1 *:</translation>
    </message>
    <message numerus="yes">
        <source>Add %n container(s)</source>
        <translation>
            <numerusform>%n container toevoegen</numerusform>
            <numerusform>%n containers toevoegen</numerusform>
        </translation>
    </message>
    <message>
        <source>Container numbers</source>
        <translation>Containernummers</translation>
    </message>
    <message>
        <source>Checked container numbers</source>
        <translation>Gecontroleerde containernummers</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Container &amp;numbers:</source>
        <translation>Container&amp;nummers:</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Tijd (UTC)</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>Systeemgebruiker</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entiteit</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Filter (user, provider, action, outcome, detail)</source>
        <translation>Filteren (gebruiker, aanbieder, actie, resultaat, details)</translation>
    </message>
    <message>
        <source>Filter the audit log</source>
        <translation>Het auditlogboek filteren</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>CSV &amp;exporteren...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Auditlogboek</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Auditlogboek exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Exporteren mislukt</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>Auditlogboek laden…</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>Kan het auditlogboek niet lezen: %1</translation>
    </message>
</context>
<context>
    <name>ChangeReferenceDialog</name>
    <message>
        <source>Change reference</source>
        <translation>Referentie wijzigen</translation>
    </message>
    <message numerus="yes">
        <source>The new reference replaces the old one on %n subscription(s) and starts a new 90-day window.</source>
        <translation>
            <numerusform>De nieuwe referentie vervangt de oude bij %n abonnement en start een nieuwe periode van 90 dagen.</numerusform>
            <numerusform>De nieuwe referentie vervangt de oude bij %n abonnementen en start een nieuwe periode van 90 dagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referentie:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Wijzigen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Update %1</source>
        <translation>%1 bijwerken</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 verbinden</translation>
    </message>
    <message>
        <source>Entity: %1</source>
        <translation>Entiteit: %1</translation>
    </message>
    <message>
        <source>This provider needs no credentials.</source>
        <translation>Deze aanbieder heeft geen inloggegevens nodig.</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* verplicht</translation>
    </message>
    <message>
        <source>Tick only once the terminal has approved extended API access for your account.</source>
        <translation>Vink dit pas aan als de terminal uitgebreide API-toegang voor uw account heeft goedgekeurd.</translation>
    </message>
    <message>
        <source>saved — leave empty to keep</source>
        <translation>opgeslagen — leeg laten om te behouden</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Geavanceerd</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>required for verification: the API address the provider gave you</source>
        <translation>nodig voor controle: het API-adres dat de aanbieder u gaf</translation>
    </message>
    <message>
        <source>empty: the provider&apos;s address for the environment</source>
        <translation>leeg: het adres van de aanbieder voor de omgeving</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Spaces before or after %1 were removed. Check the values and press Save again.</source>
        <translation>Spaties voor of na %1 zijn verwijderd. Controleer de waarden en klik nogmaals op Opslaan.</translation>
    </message>
    <message>
        <source>Fill in the required fields (marked *): %1</source>
        <translation>Vul de verplichte velden in (gemarkeerd met *): %1</translation>
    </message>
    <message>
        <source>Saving to the keychain...</source>
        <translation>Opslaan in de sleutelbos...</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>Check these credentials with the provider without saving them</source>
        <translation>Deze inloggegevens bij de aanbieder controleren zonder ze op te slaan</translation>
    </message>
    <message>
        <source>Testing the connection...</source>
        <translation>Verbinding testen...</translation>
    </message>
    <message>
        <source>Cannot be tested: the provider documents no way to check credentials.</source>
        <translation>Kan niet worden getest: de aanbieder documenteert geen manier om inloggegevens te controleren.</translation>
    </message>
    <message>
        <source>Connection works: the provider accepted these credentials. Nothing is saved until you press Save.</source>
        <translation>Verbinding werkt: de aanbieder heeft deze inloggegevens geaccepteerd. Er wordt niets opgeslagen tot u op Opslaan drukt.</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>Test mislukt: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionService</name>
    <message>
        <source>The provider refused the credentials.</source>
        <translation>De aanbieder heeft de inloggegevens geweigerd.</translation>
    </message>
    <message>
        <source>The credentials were accepted, but API access is not enabled for this account.</source>
        <translation>De inloggegevens zijn geaccepteerd, maar API-toegang is niet ingeschakeld voor dit account.</translation>
    </message>
    <message>
        <source>The provider does not accept requests from this computer&apos;s IP address (not whitelisted).</source>
        <translation>De aanbieder accepteert geen verzoeken vanaf het IP-adres van deze computer (niet op de whitelist).</translation>
    </message>
    <message>
        <source>The provider&apos;s API could not be reached or is temporarily unavailable.</source>
        <translation>De API van de aanbieder is niet bereikbaar of tijdelijk niet beschikbaar.</translation>
    </message>
    <message>
        <source>No API address is configured for this provider: its documentation names none. Open Connect, Advanced, and enter the base URL the provider gave you.</source>
        <translation>Er is geen API-adres ingesteld voor deze aanbieder: de documentatie noemt er geen. Open Verbinden, Geavanceerd, en vul de basis-URL in die u van de aanbieder hebt gekregen.</translation>
    </message>
    <message>
        <source>A saved secret is missing from the keychain. Connect again and enter it.</source>
        <translation>Een opgeslagen geheim ontbreekt in de sleutelbos. Maak opnieuw verbinding en vul het in.</translation>
    </message>
    <message>
        <source>The OS keychain could not be used; the message above says why and how to fix it.</source>
        <translation>De sleutelbos van het besturingssysteem kon niet worden gebruikt; de melding hierboven zegt waarom en hoe u dat oplost.</translation>
    </message>
    <message>
        <source>These credentials belong to the service account, not to your terminal account.</source>
        <translation>Deze inloggegevens horen bij het serviceaccount, niet bij uw terminalaccount.</translation>
    </message>
</context>
<context>
    <name>ConsoleWiring</name>
    <message numerus="yes">
        <source>Inbox: %n file(s) imported</source>
        <translation>
            <numerusform>Inbox: %n bestand geïmporteerd</numerusform>
            <numerusform>Inbox: %n bestanden geïmporteerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox: %1</source>
        <translation>Inbox: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindingen</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnementen</translation>
    </message>
    <message>
        <source>Webhooks: %1</source>
        <translation>Webhooks: %1</translation>
    </message>
    <message>
        <source>Outbound destination %1 stopped; resume it on Data sources.</source>
        <translation>Uitgaande bestemming %1 is gestopt; hervat hem op Gegevensbronnen.</translation>
    </message>
</context>
<context>
    <name>ContainerDetailPane</name>
    <message>
        <source>Select an event to see the provider&apos;s payload behind it.</source>
        <translation>Selecteer een gebeurtenis om de gegevens van de aanbieder erachter te zien.</translation>
    </message>
    <message>
        <source>%1: cannot read the events: %2</source>
        <translation>%1: kan de gebeurtenissen niet lezen: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Blokkades</translation>
    </message>
    <message>
        <source>Terminal LFD</source>
        <translation>LFD terminal</translation>
    </message>
    <message>
        <source>Line LFD</source>
        <translation>LFD rederij</translation>
    </message>
    <message>
        <source>Demurrage</source>
        <translation>Demurrage</translation>
    </message>
    <message>
        <source>Vessel</source>
        <translation>Schip</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Gelost</translation>
    </message>
    <message>
        <source>Yard location</source>
        <translation>Locatie op terrein</translation>
    </message>
    <message>
        <source>Pickup appointment</source>
        <translation>Afhaalafspraak</translation>
    </message>
    <message>
        <source>Outgate</source>
        <translation>Gate-out</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Leeg geretourneerd</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Laatste fout</translation>
    </message>
    <message>
        <source>%1: source</source>
        <translation>%1: bron</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Tijdlijn van gebeurtenissen</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Ruwe gegevens tonen</translation>
    </message>
    <message>
        <source>The provider&apos;s payload behind the selected event</source>
        <translation>De gegevens van de aanbieder achter de geselecteerde gebeurtenis</translation>
    </message>
    <message>
        <source>Raw provider data</source>
        <translation>Ruwe gegevens van de aanbieder</translation>
    </message>
    <message>
        <source>Hide raw data</source>
        <translation>Ruwe gegevens verbergen</translation>
    </message>
    <message>
        <source>Times in %1 (%2, %3), the site&apos;s time zone</source>
        <translation>Tijden in %1 (%2, %3), de tijdzone van de terminal</translation>
    </message>
    <message>
        <source>%1 · %2 at %3</source>
        <translation>%1 · %2 bij %3</translation>
    </message>
    <message>
        <source>Select a container to see its details and event timeline.</source>
        <translation>Selecteer een container om de details en de tijdlijn van gebeurtenissen te zien.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · seen %2</source>
        <translation>%1 · gezien %2</translation>
    </message>
    <message>
        <source>not traced yet</source>
        <translation>nog niet getraceerd</translation>
    </message>
    <message>
        <source>%1 · last traced %2</source>
        <translation>%1 · laatst getraceerd %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>niet beschikbaar</translation>
    </message>
    <message>
        <source>%1 hold</source>
        <translation>blokkade %1</translation>
    </message>
    <message>
        <source>%1 (“%2”)</source>
        <translation>%1 (“%2”)</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 sinds %2</translation>
    </message>
    <message>
        <source>No holds</source>
        <translation>Geen blokkades</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>geen gemeld</translation>
    </message>
    <message>
        <source>B/L %1</source>
        <translation>B/L %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>%1 (effective: the earlier)</source>
        <translation>%1 (geldend: de vroegste)</translation>
    </message>
    <message>
        <source>%1 (effective)</source>
        <translation>%1 (geldend)</translation>
    </message>
    <message>
        <source>%1, voyage %2</source>
        <translation>%1, reis %2</translation>
    </message>
    <message>
        <source>arrived %1</source>
        <translation>aangekomen %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>ETA %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>nog niet</translation>
    </message>
    <message>
        <source>trucker %1</source>
        <translation>vervoerder %1</translation>
    </message>
    <message>
        <source>chassis %1</source>
        <translation>chassis %1</translation>
    </message>
    <message>
        <source>Next trace</source>
        <translation>Volgende tracering</translation>
    </message>
    <message>
        <source>The terminal still lists it in the yard although the gate saw it leave.</source>
        <translation>De terminal meldt hem nog op de yard, hoewel de gate hem zag vertrekken.</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>niet gepland</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Containers by status</source>
        <translation>Containers per status</translation>
    </message>
    <message>
        <source>Containers on hold, by hold type</source>
        <translation>Geblokkeerde containers, per soort blokkade</translation>
    </message>
    <message>
        <source>Click a bar to see its containers in the watchlist.</source>
        <translation>Klik op een balk om de containers ervan in de volglijst te zien.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <source>%1 containers · %2 on hold · %3 last free days this week</source>
        <translation>%1 containers · %2 geblokkeerd · %3 laatste vrije dagen deze week</translation>
    </message>
    <message>
        <source>Demurrage exposure</source>
        <translation>Demurrage-risico</translation>
    </message>
    <message>
        <source>Last free days: overdue and the next 7 days</source>
        <translation>Laatste vrije dagen: verlopen en de komende 7 dagen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Verlopen</translation>
    </message>
    <message numerus="yes">
        <source>Demurrage running: %1 on %n container(s) still at the terminal</source>
        <translation>
            <numerusform>Demurrage loopt: %1 op %n container nog op de terminal</numerusform>
            <numerusform>Demurrage loopt: %1 op %n containers nog op de terminal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) at risk: LFD in the next 2 days</source>
        <translation>
            <numerusform>%n container loopt risico: LFD binnen 2 dagen</numerusform>
            <numerusform>%n containers lopen risico: LFD binnen 2 dagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n verlopen</numerusform>
            <numerusform>%n verlopen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataSourcesPage</name>
    <message>
        <source>Data sources</source>
        <translation>Gegevensbronnen</translation>
    </message>
    <message>
        <source>Search providers (Ctrl+F)</source>
        <translation>Aanbieders zoeken (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search providers</source>
        <translation>Aanbieders zoeken</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 ontkoppelen</translation>
    </message>
    <message>
        <source>Are you sure you want to disconnect %1 for entity %2?

Future data synchronization stops and the saved credentials are removed from the keychain. History is kept: containers and events stay, and you can reconnect at any time.</source>
        <translation>Weet u zeker dat u %1 wilt ontkoppelen voor entiteit %2?

Verdere synchronisatie stopt en de opgeslagen inloggegevens worden uit de sleutelbos verwijderd. De geschiedenis blijft bewaard: containers en gebeurtenissen blijven staan, en u kunt op elk moment opnieuw verbinden.</translation>
    </message>
    <message>
        <source>Disconnect failed</source>
        <translation>Ontkoppelen mislukt</translation>
    </message>
    <message>
        <source>Add webhook destination...</source>
        <translation>Webhookbestemming toevoegen...</translation>
    </message>
    <message>
        <source>Cannot read the outbound queues: %1</source>
        <translation>Kan de uitgaande wachtrijen niet lezen: %1</translation>
    </message>
    <message>
        <source>Retry dead letters</source>
        <translation>Onbestelbare berichten opnieuw proberen</translation>
    </message>
    <message numerus="yes">
        <source>Send %n dead letters to %1 again?</source>
        <translation>
            <numerusform>%n onbestelbaar bericht opnieuw naar %1 sturen?</numerusform>
            <numerusform>%n onbestelbare berichten opnieuw naar %1 sturen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Opnieuw proberen mislukt</translation>
    </message>
    <message>
        <source>Resume failed</source>
        <translation>Hervatten mislukt</translation>
    </message>
    <message>
        <source>Test passed: %1</source>
        <translation>Test geslaagd: %1</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>Test mislukt: %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 verwijderen</translation>
    </message>
    <message>
        <source>Remove the webhook destination %1 of entity %2?

Its queued and sent messages are deleted and its signing secret is removed from the keychain. The receiver gets no more updates.</source>
        <translation>Webhookbestemming %1 van entiteit %2 verwijderen?

De berichten in de wachtrij en de verzonden berichten worden gewist en het ondertekeningsgeheim wordt uit de sleutelbos verwijderd. De ontvanger krijgt geen updates meer.</translation>
    </message>
    <message>
        <source>Remove failed</source>
        <translation>Verwijderen mislukt</translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <source>No keychain is available (%1). The demo keeps its password in memory only and will not save it.</source>
        <translation>Er is geen sleutelbos beschikbaar (%1). De demo houdt het wachtwoord alleen in het geheugen en slaat het niet op.</translation>
    </message>
</context>
<context>
    <name>DestinationCard</name>
    <message>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Signed webhook: Quaywatch sends container changes here</source>
        <translation>Ondertekende webhook: Quaywatch stuurt containerwijzigingen hierheen</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adres: %1</translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation>Gebeurtenissen: alle</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Gebeurtenissen: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestopt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Uitgeschakeld</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testen…</translation>
    </message>
</context>
<context>
    <name>EntitySwitcher</name>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Entiteit:</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entiteit</translation>
    </message>
    <message>
        <source>Connections belong to an entity (company); switch to work as another entity.</source>
        <translation>Verbindingen horen bij een entiteit (bedrijf); wissel om als een andere entiteit te werken.</translation>
    </message>
    <message>
        <source>New entity...</source>
        <translation>Nieuwe entiteit...</translation>
    </message>
    <message>
        <source>New entity</source>
        <translation>Nieuwe entiteit</translation>
    </message>
    <message>
        <source>Entity (company) name:</source>
        <translation>Naam van de entiteit (bedrijf):</translation>
    </message>
</context>
<context>
    <name>EventTimelineModel</name>
    <message>
        <source>observed %1</source>
        <translation>waargenomen %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation>Code van de aanbieder</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Positie</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>Hold added</source>
        <translation>Blokkade toegevoegd</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Blokkade opgeheven</translation>
    </message>
    <message>
        <source>%1 hold added</source>
        <translation>Blokkade %1 toegevoegd</translation>
    </message>
    <message>
        <source>%1 hold released</source>
        <translation>Blokkade %1 opgeheven</translation>
    </message>
    <message>
        <source>Terminal LFD</source>
        <translation>LFD terminal</translation>
    </message>
    <message>
        <source>Line LFD</source>
        <translation>LFD rederij</translation>
    </message>
    <message>
        <source>LFD</source>
        <translation>LFD</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 gewijzigd</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 ingesteld op %2</translation>
    </message>
    <message>
        <source>%1 changed %2 → %3</source>
        <translation>%1 gewijzigd %2 → %3</translation>
    </message>
    <message>
        <source>trucker %1</source>
        <translation>vervoerder %1</translation>
    </message>
    <message>
        <source>chassis %1</source>
        <translation>chassis %1</translation>
    </message>
    <message>
        <source>Picked up (out-gated)</source>
        <translation>Afgehaald (gate-out)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Vessel ETA</source>
        <translation>ETA schip</translation>
    </message>
    <message>
        <source>Vessel arrived</source>
        <translation>Schip aangekomen</translation>
    </message>
    <message>
        <source>Discharged from the vessel</source>
        <translation>Gelost van het schip</translation>
    </message>
    <message>
        <source>Available for pickup</source>
        <translation>Klaar voor afhalen</translation>
    </message>
    <message>
        <source>Not available for pickup</source>
        <translation>Niet klaar voor afhalen</translation>
    </message>
    <message>
        <source>Released by the terminal</source>
        <translation>Vrijgegeven door de terminal</translation>
    </message>
    <message>
        <source>Pickup appointment</source>
        <translation>Afhaalafspraak</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Leeg geretourneerd</translation>
    </message>
    <message>
        <source>Gated in</source>
        <translation>Gate-in</translation>
    </message>
    <message>
        <source>Loaded on a vessel</source>
        <translation>Geladen op een schip</translation>
    </message>
    <message>
        <source>Not found at the terminal</source>
        <translation>Niet gevonden op de terminal</translation>
    </message>
    <message>
        <source>Provider event: %1</source>
        <translation>Gebeurtenis van aanbieder: %1</translation>
    </message>
    <message>
        <source>Observed %1</source>
        <translation>Waargenomen %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The whole watchlist</source>
        <translation>De hele volglijst</translation>
    </message>
    <message>
        <source>For Excel (UTF-8 byte order mark)</source>
        <translation>Voor Excel (UTF-8-bytevolgordemarkering)</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Een rapport exporteren</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected container(s)</source>
        <translation>
            <numerusform>De %n geselecteerde container</numerusform>
            <numerusform>De %n geselecteerde containers</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>B&amp;laderen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Rapport:</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Containers:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Bestand:</translation>
    </message>
    <message>
        <source>Columns in reading order with their names; times in each site&apos;s time zone with the UTC offset. The command line&apos;s --format json keeps the machine names.</source>
        <translation>Kolommen in leesvolgorde met hun namen; tijden in de tijdzone van elke terminal met de UTC-afwijking. Met --format json op de opdrachtregel blijven de machinenamen behouden.</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Volglijst</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Blokkades</translation>
    </message>
    <message>
        <source>Last free days</source>
        <translation>Laatste vrije dagen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Auditlogboek</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporteren naar</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-bestanden (*.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Choose the file to write the report to.</source>
        <translation>Kies het bestand waarin het rapport wordt geschreven.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 exporteren…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n row(s) written</source>
        <translation>
            <numerusform>Exporteren… %n rij geschreven</numerusform>
            <numerusform>Exporteren… %n rijen geschreven</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Exporteren mislukt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n rij geëxporteerd naar %1</numerusform>
            <numerusform>%n rijen geëxporteerd naar %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (TMS layout)</source>
        <translation>%1 (TMS-indeling)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>Spreadsheet importeren</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>(uit het bestand)</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>geen kopregel</translation>
    </message>
    <message>
        <source>The file row that names the columns</source>
        <translation>De regel in het bestand met de kolomnamen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Default provider:</source>
        <translation>Standaardaanbieder:</translation>
    </message>
    <message>
        <source>Default site:</source>
        <translation>Standaardterminal:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Kopregel:</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(negeren)</translation>
    </message>
    <message>
        <source>Container number</source>
        <translation>Containernummer</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Bill of lading</source>
        <translation>Cognossement</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Boeking</translation>
    </message>
    <message>
        <source>Provider data field</source>
        <translation>Gegevensveld van de aanbieder</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Kan %1 niet importeren: %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importeren</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>Gebruiken als</translation>
    </message>
    <message>
        <source>Data field</source>
        <translation>Gegevensveld</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) to import</source>
        <translation>
            <numerusform>%n container te importeren</numerusform>
            <numerusform>%n containers te importeren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n repeated row(s) skipped</source>
        <translation>
            <numerusform>, %n herhaalde regel overgeslagen</numerusform>
            <numerusform>, %n herhaalde regels overgeslagen</numerusform>
        </translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>regel %1: %2</translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation>Standaardaanbieder</translation>
    </message>
    <message>
        <source>Default site</source>
        <translation>Standaardterminal</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopregel</translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation>Voorbeeld van het bestand</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Geweigerde rijen</translation>
    </message>
    <message>
        <source>Use column %1 as</source>
        <translation>Kolom %1 gebruiken als</translation>
    </message>
    <message>
        <source>Data field of column %1</source>
        <translation>Gegevensveld van kolom %1</translation>
    </message>
    <message>
        <source>data field</source>
        <translation>gegevensveld</translation>
    </message>
    <message numerus="yes">
        <source>, %n row(s) rejected (listed below)</source>
        <translation>
            <numerusform>, %n rij geweigerd (hieronder vermeld)</numerusform>
            <numerusform>, %n rijen geweigerd (hieronder vermeld)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveConnections</name>
    <message>
        <source>%1 is not synced: cannot read its credentials from the keychain (%2).</source>
        <translation>%1 wordt niet gesynchroniseerd: kan de inloggegevens niet uit de sleutelbos lezen (%2).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Quaywatch</source>
        <translation>Quaywatch</translation>
    </message>
    <message>
        <source>Syncing %v of %m</source>
        <translation>Synchroniseren: %v van %m</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>Meldingen (%1)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Laatste synchronisatie: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <source>Cannot add containers: %1</source>
        <translation>Kan geen containers toevoegen: %1</translation>
    </message>
    <message>
        <source>Added %1 new container(s); %2 were already on the watchlist</source>
        <translation>Nieuwe containers toegevoegd: %1; al op de volglijst: %2</translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>Spreadsheet importeren…</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>Spreadsheet importeren</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>Kan %1 niet importeren: %2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Er is niets geïmporteerd: %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 already on the watchlist, %4 rejected</source>
        <translation>%1 geïmporteerd: %2 toegevoegd, %3 al op de volglijst, %4 geweigerd</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>rij %1: %2</translation>
    </message>
    <message>
        <source>These rows were not imported:</source>
        <translation>Deze rijen zijn niet geïmporteerd:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pagina&apos;s</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporteren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Filter the watchlist (on Data sources: search providers)</source>
        <translation>De volglijst filteren (bij Gegevensbronnen: aanbieders zoeken)</translation>
    </message>
    <message>
        <source>Add containers</source>
        <translation>Containers toevoegen</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Een spreadsheet importeren</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Een rapport exporteren</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Naar %1</translation>
    </message>
    <message>
        <source>last cycle %1</source>
        <translation>laatste ronde %1</translation>
    </message>
    <message>
        <source>no cycle yet</source>
        <translation>nog geen ronde</translation>
    </message>
    <message>
        <source>%1 (pid %2, view-only console)</source>
        <translation>%1 (pid %2, console alleen-lezen)</translation>
    </message>
    <message>
        <source>%1 (pid %2, %3)</source>
        <translation>%1 (pid %2, %3)</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Alleen bekijken</translation>
    </message>
    <message numerus="yes">
        <source>Workers: %n active</source>
        <translation>
            <numerusform>Workers: %n actief</numerusform>
            <numerusform>Workers: %n actief</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Niet geïmporteerde rijen</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>Rijen &amp;kopiëren</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Provider:</source>
        <translation>Aanbieder:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Container:</translation>
    </message>
    <message>
        <source>Source property</source>
        <translation>Broneigenschap</translation>
    </message>
    <message>
        <source>Normalized property</source>
        <translation>Genormaliseerde eigenschap</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Raw value</source>
        <translation>Ruwe waarde</translation>
    </message>
    <message>
        <source>Mapped value</source>
        <translation>Gekoppelde waarde</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Tracking property</source>
        <translation>Volgeigenschap</translation>
    </message>
    <message>
        <source>Choose a container to see its live values.</source>
        <translation>Kies een container om de actuele waarden te zien.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist for this provider.</source>
        <translation>%1 staat niet op de volglijst voor deze aanbieder.</translation>
    </message>
    <message>
        <source>Cannot read the events of %1: %2</source>
        <translation>Kan de gebeurtenissen van %1 niet lezen: %2</translation>
    </message>
    <message>
        <source>No provider payload stored for %1 yet.</source>
        <translation>Nog geen gegevens van de aanbieder opgeslagen voor %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>fout: %1</translation>
    </message>
    <message>
        <source>The rows below are the ones the mapper of %1 runs, in order.</source>
        <translation>De regels hieronder zijn de regels die de mapper van %1 uitvoert, in volgorde.</translation>
    </message>
    <message>
        <source>Raw payloads of %1: %2</source>
        <translation>Ruwe gegevens van %1: %2</translation>
    </message>
    <message>
        <source>%1 field</source>
        <translation>%1-veld</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>%1-waarde</translation>
    </message>
    <message>
        <source>The %1 mapping below applies to every provider.</source>
        <translation>De %1-koppeling hieronder geldt voor elke aanbieder.</translation>
    </message>
    <message>
        <source>This provider has no mapping table on this screen yet.</source>
        <translation>Deze aanbieder heeft op dit scherm nog geen koppeltabel.</translation>
    </message>
    <message>
        <source>The rows below are the ones the mapper of %1 runs, in order. Its data arrives by callback, so no live values are shown.</source>
        <translation>De regels hieronder zijn de regels die de mapper van %1 uitvoert, in volgorde. De gegevens komen binnen via callback, dus er worden geen actuele waarden getoond.</translation>
    </message>
</context>
<context>
    <name>MappingRules</name>
    <message>
        <source>created when the terminal says available; data.arrived is empty</source>
        <translation>aangemaakt wanneer de terminal beschikbaar meldt; data.arrived is leeg</translation>
    </message>
    <message>
        <source>data.grounded is the discharge time (the event&apos;s date is the trace day)</source>
        <translation>data.grounded is het lostijdstip (de datum van de gebeurtenis is de traceerdag)</translation>
    </message>
    <message>
        <source>data.lfd (YYYYMMDD) is the terminal&apos;s last free day</source>
        <translation>data.lfd (YYYYMMDD) is de LFD van de terminal</translation>
    </message>
    <message>
        <source>no hold is left; with no hold event the holds are cleared</source>
        <translation>er is geen blokkade meer; zonder hold-gebeurtenis worden de blokkades gewist</translation>
    </message>
    <message>
        <source>data.outgated is the gate-out time (else the event date), data.outgate_scac the trucker</source>
        <translation>data.outgated is het gate-outtijdstip (anders de datum van de gebeurtenis), data.outgate_scac de vervoerder</translation>
    </message>
    <message>
        <source>one per hold: holdType is the kind, data.code the hold id</source>
        <translation>één per blokkade: holdType is de soort, data.code de id van de blokkade</translation>
    </message>
    <message>
        <source>TRACE_RESULT events</source>
        <translation>TRACE_RESULT-gebeurtenissen</translation>
    </message>
    <message>
        <source>the container record became live in PortConnect</source>
        <translation>het containerrecord werd actief in PortConnect</translation>
    </message>
    <message>
        <source>discharged and fully released: available</source>
        <translation>gelost en volledig vrijgegeven: beschikbaar</translation>
    </message>
    <message>
        <source>the availability advice was cancelled: not available again</source>
        <translation>het beschikbaarheidsbericht is ingetrokken: weer niet beschikbaar</translation>
    </message>
    <message>
        <source>the booking does not match the pre-advice or gate-in (values kept)</source>
        <translation>de boeking komt niet overeen met de vooraanmelding of de gate-in (waarden bewaard)</translation>
    </message>
    <message>
        <source>export customs release (CEDO); value 1 is the export release number</source>
        <translation>douanevrijgave voor export (CEDO); value 1 is het exportvrijgavenummer</translation>
    </message>
    <message>
        <source>the CEDO was revoked: the export hold is back</source>
        <translation>de CEDO is ingetrokken: de exportblokkade is terug</translation>
    </message>
    <message>
        <source>fully cleared</source>
        <translation>volledig ingeklaard</translation>
    </message>
    <message>
        <source>the clearance was cancelled: not cleared again</source>
        <translation>de inklaring is ingetrokken: weer niet ingeklaard</translation>
    </message>
    <message>
        <source>customs released the container</source>
        <translation>de douane heeft de container vrijgegeven</translation>
    </message>
    <message>
        <source>the customs release was cancelled: the customs hold is back</source>
        <translation>de douanevrijgave is ingetrokken: de douaneblokkade is terug</translation>
    </message>
    <message>
        <source>discharged from the vessel at the event time; values: vessel name, voyage</source>
        <translation>gelost van het schip op het tijdstip van de gebeurtenis; waarden: scheepsnaam, reis</translation>
    </message>
    <message>
        <source>discharged but not cleared (from the name; the table row is not stored)</source>
        <translation>gelost maar niet ingeklaard (afgeleid uit de naam; de tabelregel is niet bewaard)</translation>
    </message>
    <message>
        <source>CEDO in place and no other stops</source>
        <translation>CEDO aanwezig en geen andere blokkades</translation>
    </message>
    <message>
        <source>the export clearance was cancelled</source>
        <translation>de exportinklaring is ingetrokken</translation>
    </message>
    <message>
        <source>entered the facility (values: transport mode, truck id); at an empty depot the empty return</source>
        <translation>het terrein binnengekomen (waarden: vervoerswijze, truck-id); bij een leegdepot de retour van de lege container</translation>
    </message>
    <message>
        <source>left the facility (values: transport mode, truck id)</source>
        <translation>het terrein verlaten (waarden: vervoerswijze, truck-id)</translation>
    </message>
    <message>
        <source>the hazardous cargo gate-in rule applies</source>
        <translation>de gate-inregel voor gevaarlijke lading is van toepassing</translation>
    </message>
    <message>
        <source>the last free time (value 1) changed; its date in NZ time is the terminal LFD</source>
        <translation>de laatste vrije tijd (value 1) is gewijzigd; de datum ervan in NZ-tijd is de LFD van de terminal</translation>
    </message>
    <message>
        <source>the last free time (value 1) has passed</source>
        <translation>de laatste vrije tijd (value 1) is verstreken</translation>
    </message>
    <message>
        <source>the last free time (value 1) is within 24 hours</source>
        <translation>de laatste vrije tijd (value 1) valt binnen 24 uur</translation>
    </message>
    <message>
        <source>loaded onto the vessel</source>
        <translation>geladen op het schip</translation>
    </message>
    <message>
        <source>the line operator released the container</source>
        <translation>de rederij heeft de container vrijgegeven</translation>
    </message>
    <message>
        <source>the line release was cancelled: the line hold is back</source>
        <translation>de vrijgave door de rederij is ingetrokken: de rederijblokkade is terug</translation>
    </message>
    <message>
        <source>biosecurity (MPI) released the container</source>
        <translation>de bioveiligheidsdienst (MPI) heeft de container vrijgegeven</translation>
    </message>
    <message>
        <source>the MPI release was cancelled: the biosecurity hold is back</source>
        <translation>de MPI-vrijgave is ingetrokken: de bioveiligheidsblokkade is terug</translation>
    </message>
    <message>
        <source>no CEDO (export release) yet (from the name)</source>
        <translation>nog geen CEDO (exportvrijgave) (afgeleid uit de naam)</translation>
    </message>
    <message>
        <source>the pickup PIN is available (from the name)</source>
        <translation>de afhaal-pincode is beschikbaar (afgeleid uit de naam)</translation>
    </message>
    <message>
        <source>the pickup PIN is suspended (from the name)</source>
        <translation>de afhaal-pincode is opgeschort (afgeleid uit de naam)</translation>
    </message>
    <message>
        <source>priority gate-in (from the name; not a gate move)</source>
        <translation>gate-in met voorrang (afgeleid uit de naam; geen gatebeweging)</translation>
    </message>
    <message>
        <source>the VBS booking changed; value 1 read as the slot time</source>
        <translation>de VBS-boeking is gewijzigd; value 1 gelezen als het tijdslot</translation>
    </message>
    <message>
        <source>the vessel&apos;s arrival time</source>
        <translation>het aankomsttijdstip van het schip</translation>
    </message>
    <message>
        <source>the vessel departed</source>
        <translation>het schip is vertrokken</translation>
    </message>
    <message>
        <source>Visit event callbacks</source>
        <translation>Callbacks van bezoekgebeurtenissen</translation>
    </message>
    <message>
        <source>PortPro load update (assumed JSON names: the documents name none)</source>
        <translation>Update van een PortPro-load (aangenomen JSON-namen: de documenten noemen er geen)</translation>
    </message>
    <message>
        <source>Upper case; identifies the container</source>
        <translation>In hoofdletters; identificeert de container</translation>
    </message>
    <message>
        <source>name = the site id sent; type = Terminal</source>
        <translation>name = de verzonden site-id; type = Terminal</translation>
    </message>
    <message>
        <source>1 (&quot;No record found&quot;) -&gt; NOT_FOUND; nothing else is read</source>
        <translation>1 (&quot;No record found&quot;) -&gt; NOT_FOUND; verder wordt niets gelezen</translation>
    </message>
    <message>
        <source>&quot;Yes&quot; -&gt; true (event Arrived), &quot;No&quot; -&gt; false</source>
        <translation>&quot;Yes&quot; -&gt; true (gebeurtenis Arrived), &quot;No&quot; -&gt; false</translation>
    </message>
    <message>
        <source>Site local time -&gt; UTC (event Grounded)</source>
        <translation>Lokale tijd van de site -&gt; UTC (gebeurtenis Grounded)</translation>
    </message>
    <message>
        <source>yyyyMMdd; recorded also while holds exist (event Lfd)</source>
        <translation>yyyyMMdd; ook vastgelegd zolang er blokkades zijn (gebeurtenis Lfd)</translation>
    </message>
    <message>
        <source>CTF Hold -&gt; CTF, Custom(s) Hold -&gt; CUSTOMS, Demurrage Hold -&gt; DEMURRAGE, Line Hold -&gt; LINE, TMF Hold -&gt; TMF, else OTHER; provider text kept (event Hold)</source>
        <translation>CTF Hold -&gt; CTF, Custom(s) Hold -&gt; CUSTOMS, Demurrage Hold -&gt; DEMURRAGE, Line Hold -&gt; LINE, TMF Hold -&gt; TMF, anders OTHER; tekst van de provider bewaard (gebeurtenis Hold)</translation>
    </message>
    <message>
        <source>When last_free_day has a date and hold_information is empty (event Released, data.lfd)</source>
        <translation>Wanneer last_free_day een datum heeft en hold_information leeg is (gebeurtenis Released, data.lfd)</translation>
    </message>
    <message>
        <source>Number (the provider&apos;s spelling)</source>
        <translation>Getal (de spelling van de provider)</translation>
    </message>
    <message>
        <source>Yard position; lot Yard when a position is given</source>
        <translation>Positie op het terrein; lot Yard wanneer er een positie is opgegeven</translation>
    </message>
    <message>
        <source>As given</source>
        <translation>Zoals opgegeven</translation>
    </message>
    <message>
        <source>Number, also when sent as text</source>
        <translation>Getal, ook wanneer als tekst verzonden</translation>
    </message>
    <message>
        <source>&quot;Yes&quot; -&gt; true, &quot;No&quot; -&gt; false</source>
        <translation>&quot;Yes&quot; -&gt; true, &quot;No&quot; -&gt; false</translation>
    </message>
    <message>
        <source>As given; empty means not reported</source>
        <translation>Zoals opgegeven; leeg betekent niet gemeld</translation>
    </message>
    <message>
        <source>&quot;Full Out&quot; of the current visit; site local time -&gt; UTC (event Outgated)</source>
        <translation>&quot;Full Out&quot; van het huidige bezoek; lokale tijd van de site -&gt; UTC (gebeurtenis Outgated)</translation>
    </message>
    <message>
        <source>From the &quot;Full Out&quot; move</source>
        <translation>Uit de &quot;Full Out&quot;-beweging</translation>
    </message>
    <message>
        <source>&quot;Empty In&quot; after this visit&apos;s &quot;Full Out&quot;; site local time -&gt; UTC (event EmptyIn)</source>
        <translation>&quot;Empty In&quot; na de &quot;Full Out&quot; van dit bezoek; lokale tijd van de site -&gt; UTC (gebeurtenis EmptyIn)</translation>
    </message>
    <message>
        <source>UTC time</source>
        <translation>UTC-tijd</translation>
    </message>
    <message>
        <source>UTC time; once the vessel has arrived it replaces the ETA</source>
        <translation>UTC-tijd; zodra het schip is aangekomen, vervangt deze de ETA</translation>
    </message>
    <message>
        <source>The earlier of the two dates</source>
        <translation>De vroegste van de twee datums</translation>
    </message>
    <message>
        <source>UTC time of the empty return</source>
        <translation>UTC-tijd van de retour van de lege container</translation>
    </message>
    <message>
        <source>As reported at the outgate</source>
        <translation>Zoals gemeld bij de gate-out</translation>
    </message>
    <message>
        <source>Every current hold except customs, by the provider&apos;s own text; empty: none</source>
        <translation>Elke huidige blokkade behalve douane, met de eigen tekst van de provider; leeg: geen</translation>
    </message>
    <message>
        <source>Current customs holds, by the provider&apos;s own text; empty: none</source>
        <translation>Huidige douaneblokkades, met de eigen tekst van de provider; leeg: geen</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(niet verzonden)</translation>
    </message>
</context>
<context>
    <name>NewSubscriptionDialog</name>
    <message>
        <source>v&amp;1 (one event type)</source>
        <translation>v&amp;1 (één gebeurtenistype)</translation>
    </message>
    <message>
        <source>v&amp;2 (several event types or all)</source>
        <translation>v&amp;2 (meerdere gebeurtenistypen of alle)</translation>
    </message>
    <message>
        <source>These are &amp;booking numbers</source>
        <translation>Dit zijn &amp;boekingsnummers</translation>
    </message>
    <message>
        <source>&amp;All event types</source>
        <translation>A&amp;lle gebeurtenistypen</translation>
    </message>
    <message>
        <source>&amp;Webhook</source>
        <translation>&amp;Webhook</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>E-&amp;mail</translation>
    </message>
    <message>
        <source>Type or paste container or booking numbers, one per line or separated by commas. More than 10 are sent in several requests.</source>
        <translation>Typ of plak container- of boekingsnummers, één per regel of gescheiden door komma&apos;s. Meer dan 10 nummers worden in meerdere verzoeken verstuurd.</translation>
    </message>
    <message>
        <source>Only with GATEIN or GATEOUT and one port</source>
        <translation>Alleen bij GATEIN of GATEOUT en één haven</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Hoogstens %1 tekens</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemen</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>API-versie:</translation>
    </message>
    <message>
        <source>&amp;Numbers:</source>
        <translation>&amp;Nummers:</translation>
    </message>
    <message>
        <source>Event types:</source>
        <translation>Gebeurtenistypen:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Haven:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categorie:</translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation>&amp;Faciliteit:</translation>
    </message>
    <message>
        <source>Callbacks:</source>
        <translation>Terugmeldingen:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referentie:</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;Abonneren</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Gebeurtenistypen</translation>
    </message>
    <message>
        <source>Webhook URI</source>
        <translation>Webhook-URI</translation>
    </message>
    <message>
        <source>Token the callbacks must carry</source>
        <translation>Token dat de terugmeldingen moeten meesturen</translation>
    </message>
    <message>
        <source>Webhook token</source>
        <translation>Webhooktoken</translation>
    </message>
    <message>
        <source>ops@example.com, planner@example.com</source>
        <translation>ops@example.com, planner@example.com</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-mailadressen</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>A&amp;dressen:</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>New %1 subscription</source>
        <translation>Nieuw %1-abonnement</translation>
    </message>
    <message>
        <source>https://host%1</source>
        <translation>https://host%1</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>Hold released</source>
        <translation>Blokkade opgeheven</translation>
    </message>
    <message>
        <source>Available for pickup</source>
        <translation>Klaar voor afhalen</translation>
    </message>
    <message>
        <source>Last free day tomorrow</source>
        <translation>Laatste vrije dag morgen</translation>
    </message>
</context>
<context>
    <name>NotificationCenter</name>
    <message>
        <source>Quaywatch</source>
        <translation>Quaywatch</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more in Quaywatch</source>
        <translation>
            <numerusform>… en nog %n in Quaywatch</numerusform>
            <numerusform>… en nog %n in Quaywatch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container update(s)</source>
        <translation>
            <numerusform>%n containerupdate</numerusform>
            <numerusform>%n containerupdates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationDetector</name>
    <message>
        <source>%1: %2 hold released</source>
        <translation>%1: blokkade %2 opgeheven</translation>
    </message>
    <message>
        <source>%1 is available for pickup</source>
        <translation>%1 is klaar voor afhalen</translation>
    </message>
    <message>
        <source>%1: last free day is tomorrow (%2)</source>
        <translation>%1: laatste vrije dag is morgen (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>NotificationListModel</name>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
</context>
<context>
    <name>NotificationsPanel</name>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Holds released, containers available and LFDs tomorrow appear here.</source>
        <translation>Opgeheven blokkades, beschikbare containers en laatste vrije dagen van morgen verschijnen hier.</translation>
    </message>
</context>
<context>
    <name>OutboxStatusView</name>
    <message>
        <source>Retry dead letters</source>
        <translation>Onbestelbare berichten opnieuw proberen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <source>Last delivery: %1</source>
        <translation>Laatste levering: %1</translation>
    </message>
    <message>
        <source>Last delivery: none yet</source>
        <translation>Laatste levering: nog geen</translation>
    </message>
    <message>
        <source>Queue: %1 · Dead letters: %2</source>
        <translation>Wachtrij: %1 · Onbestelbaar: %2</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Gestopt: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Laatste fout: %1</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Volglijst</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Gegevensbronnen</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Koppeling</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Auditlogboek</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
</context>
<context>
    <name>PortProSender</name>
    <message>
        <source>%1 is not a PortPro field Quaywatch maps</source>
        <translation>%1 is geen PortPro-veld dat Quaywatch koppelt</translation>
    </message>
    <message>
        <source>the message carries no PortPro field</source>
        <translation>het bericht bevat geen PortPro-veld</translation>
    </message>
    <message>
        <source>PortPro issued an access token for the client credentials</source>
        <translation>PortPro gaf een toegangstoken voor de clientgegevens</translation>
    </message>
    <message>
        <source>PortPro refused the refresh token: it was revoked. Connect PortPro again (Data sources &gt; PortPro) with its clientId and clientSecret to resume sending.</source>
        <translation>PortPro weigerde het vernieuwingstoken: het is ingetrokken. Verbind PortPro opnieuw (Gegevensbronnen &gt; PortPro) met clientId en clientSecret om het verzenden te hervatten.</translation>
    </message>
    <message>
        <source>PortPro refused the client credentials (HTTP %1%2). Check clientId and clientSecret.</source>
        <translation>PortPro weigerde de clientgegevens (HTTP %1%2). Controleer clientId en clientSecret.</translation>
    </message>
    <message>
        <source>PortPro&apos;s token endpoint could not be reached: %1</source>
        <translation>Het tokenadres van PortPro is niet bereikbaar: %1</translation>
    </message>
    <message>
        <source>PortPro&apos;s token endpoint answered HTTP %1</source>
        <translation>Het tokenadres van PortPro antwoordde HTTP %1</translation>
    </message>
    <message>
        <source>the load lookup</source>
        <translation>het opzoeken van de load</translation>
    </message>
    <message>
        <source>no PortPro load carries %1</source>
        <translation>geen PortPro-load bevat %1</translation>
    </message>
    <message>
        <source>the load update</source>
        <translation>het bijwerken van de load</translation>
    </message>
    <message>
        <source>PortPro refused a fresh access token (HTTP 401)</source>
        <translation>PortPro weigerde een nieuw toegangstoken (HTTP 401)</translation>
    </message>
</context>
<context>
    <name>ProviderCard</name>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Authentication: %1</source>
        <translation>Authenticatie: %1</translation>
    </message>
    <message>
        <source>Data sync not available yet</source>
        <translation>Gegevenssynchronisatie nog niet beschikbaar</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Ontkoppelen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Controleren</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Username/Password</source>
        <translation>Gebruikersnaam/wachtwoord</translation>
    </message>
    <message>
        <source>UUID/Token</source>
        <translation>UUID/token</translation>
    </message>
    <message>
        <source>OAuth 2 (client credentials) + subscription key</source>
        <translation>OAuth 2 (clientgegevens) + abonnementssleutel</translation>
    </message>
    <message>
        <source>OAuth 2 (password grant) + API key</source>
        <translation>OAuth 2 (wachtwoord) + API-sleutel</translation>
    </message>
    <message>
        <source>Client ID/Secret</source>
        <translation>Client-ID/geheim</translation>
    </message>
    <message>
        <source>Key/Secret</source>
        <translation>Sleutel/geheim</translation>
    </message>
    <message>
        <source>API key + sender + signature</source>
        <translation>API-sleutel + afzender + handtekening</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>Authorization + SID</source>
        <translation>Autorisatie + SID</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisatie</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementssleutel</translation>
    </message>
    <message>
        <source>Account + user + password + fleet code</source>
        <translation>Account + gebruiker + wachtwoord + vlootcode</translation>
    </message>
    <message>
        <source>None (no credentials needed)</source>
        <translation>Geen (geen inloggegevens nodig)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Bezig met controleren</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Credentials saved; not verified (no verification API documented).</source>
        <translation>Inloggegevens opgeslagen; niet gecontroleerd (geen controle-API gedocumenteerd).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fout</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Niet verbonden</translation>
    </message>
    <message>
        <source>Connected as: %1</source>
        <translation>Verbonden als: %1</translation>
    </message>
    <message>
        <source>Last verification: %1 · Last sync: %2</source>
        <translation>Laatste controle: %1 · Laatste synchronisatie: %2</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Saved account: %1 (not working)</source>
        <translation>Opgeslagen account: %1 (werkt niet)</translation>
    </message>
    <message>
        <source>Outbound: Quaywatch sends container changes here</source>
        <translation>Uitgaand: Quaywatch stuurt containerwijzigingen hierheen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>The provider asked to wait: next attempt %1</source>
        <translation>De aanbieder vroeg te wachten: volgende poging %1</translation>
    </message>
</context>
<context>
    <name>ProviderCatalog</name>
    <message>
        <source>Terminal not connecting</source>
        <translation>Terminal maakt geen verbinding</translation>
    </message>
    <message>
        <source>Credentials were saved, but the connection still shows Not Connected.</source>
        <translation>De inloggegevens zijn opgeslagen, maar de verbinding staat nog op Niet verbonden.</translation>
    </message>
    <message>
        <source>Incorrect username or password</source>
        <translation>Onjuiste gebruikersnaam of onjuist wachtwoord</translation>
    </message>
    <message>
        <source>Terminal account not yet activated for API access</source>
        <translation>Terminalaccount nog niet geactiveerd voor API-toegang</translation>
    </message>
    <message>
        <source>IP address not whitelisted by the terminal</source>
        <translation>IP-adres niet toegestaan door de terminal</translation>
    </message>
    <message>
        <source>Terminal API temporarily unavailable</source>
        <translation>API van de terminal tijdelijk niet beschikbaar</translation>
    </message>
    <message>
        <source>Log in to the terminal&apos;s website with the same credentials; check for extra spaces and correct case.</source>
        <translation>Log met dezelfde gegevens in op de website van de terminal; let op extra spaties en hoofdletters.</translation>
    </message>
    <message>
        <source>Ask terminal support to confirm API access is enabled; some terminals approve it manually.</source>
        <translation>Vraag de support van de terminal te bevestigen dat API-toegang aan staat; sommige terminals keuren dit handmatig goed.</translation>
    </message>
    <message>
        <source>Ask terminal support whether your IP address needs whitelisting.</source>
        <translation>Vraag de support van de terminal of uw IP-adres moet worden toegestaan.</translation>
    </message>
    <message>
        <source>Wait 10-15 minutes and verify again; some terminals activate with a delay.</source>
        <translation>Wacht 10-15 minuten en controleer opnieuw; sommige terminals activeren met vertraging.</translation>
    </message>
    <message>
        <source>If it still fails after 24 hours, contact support with the terminal name, your terminal username and the error message.</source>
        <translation>Mislukt het na 24 uur nog steeds, neem dan contact op met support en vermeld de naam van de terminal, uw gebruikersnaam bij de terminal en de foutmelding.</translation>
    </message>
    <message>
        <source>Credentials won&apos;t save</source>
        <translation>Inloggegevens worden niet opgeslagen</translation>
    </message>
    <message>
        <source>Saving the connection fails or shows an error.</source>
        <translation>Het opslaan van de verbinding mislukt of geeft een fout.</translation>
    </message>
    <message>
        <source>Required fields are empty</source>
        <translation>Verplichte velden zijn leeg</translation>
    </message>
    <message>
        <source>Network connectivity issue</source>
        <translation>Probleem met de netwerkverbinding</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Sessie verlopen</translation>
    </message>
    <message>
        <source>Fill in every required field (marked with an asterisk) and remove spaces before or after the values.</source>
        <translation>Vul elk verplicht veld in (gemarkeerd met een sterretje) en verwijder spaties voor of na de waarden.</translation>
    </message>
    <message>
        <source>Check the network connection and try again in a few moments.</source>
        <translation>Controleer de netwerkverbinding en probeer het zo meteen opnieuw.</translation>
    </message>
    <message>
        <source>If it keeps failing, contact support with the error message.</source>
        <translation>Blijft het mislukken, neem dan contact op met support en vermeld de foutmelding.</translation>
    </message>
    <message>
        <source>Extended permissions not working (ECT)</source>
        <translation>Uitgebreide rechten werken niet (ECT)</translation>
    </message>
    <message>
        <source>Extended Permissions is ticked, but data access is still limited.</source>
        <translation>Uitgebreide rechten is aangevinkt, maar de toegang tot gegevens is nog beperkt.</translation>
    </message>
    <message>
        <source>ECT requires separate approval for extended API permissions</source>
        <translation>ECT vereist aparte goedkeuring voor uitgebreide API-rechten</translation>
    </message>
    <message>
        <source>Ask ECT customer support for extended API permissions, giving your ECT account details and subscription ID.</source>
        <translation>Vraag de klantenservice van ECT om uitgebreide API-rechten en geef daarbij uw ECT-accountgegevens en abonnements-ID.</translation>
    </message>
    <message>
        <source>Wait for ECT&apos;s confirmation (it may take 1-3 business days).</source>
        <translation>Wacht op de bevestiging van ECT (dit kan 1-3 werkdagen duren).</translation>
    </message>
    <message>
        <source>Then reconnect ECT MyTerminal with Extended Permissions ticked.</source>
        <translation>Verbind daarna ECT MyTerminal opnieuw met Uitgebreide rechten aangevinkt.</translation>
    </message>
    <message>
        <source>If extended data is still missing after 24 hours, contact support.</source>
        <translation>Ontbreken de uitgebreide gegevens na 24 uur nog steeds, neem dan contact op met support.</translation>
    </message>
    <message>
        <source>Connection status outdated</source>
        <translation>Verbindingsstatus verouderd</translation>
    </message>
    <message>
        <source>The terminal shows Connected, but data is not updating.</source>
        <translation>De terminal staat op Verbonden, maar de gegevens worden niet bijgewerkt.</translation>
    </message>
    <message>
        <source>Background sync delayed</source>
        <translation>Synchronisatie op de achtergrond vertraagd</translation>
    </message>
    <message>
        <source>Credentials expired</source>
        <translation>Inloggegevens verlopen</translation>
    </message>
    <message>
        <source>Check whether the terminal password has expired by logging in to the terminal&apos;s portal.</source>
        <translation>Controleer of het wachtwoord bij de terminal is verlopen door in te loggen op het portaal van de terminal.</translation>
    </message>
    <message>
        <source>Disconnect, wait a few seconds and connect again with the credentials; this forces a new connection and sync.</source>
        <translation>Ontkoppel, wacht een paar seconden en verbind opnieuw met de inloggegevens; dit forceert een nieuwe verbinding en synchronisatie.</translation>
    </message>
    <message>
        <source>The terminal&apos;s API may be down for maintenance.</source>
        <translation>De API van de terminal is mogelijk buiten gebruik voor onderhoud.</translation>
    </message>
    <message>
        <source>If data is more than 24 hours old, contact support with the terminal name, the last update time and the containers concerned.</source>
        <translation>Zijn de gegevens ouder dan 24 uur, neem dan contact op met support en vermeld de naam van de terminal, het tijdstip van de laatste update en de betrokken containers.</translation>
    </message>
    <message>
        <source>Invalid credentials error</source>
        <translation>Fout: ongeldige inloggegevens</translation>
    </message>
    <message>
        <source>The terminal says the credentials are invalid although they look correct.</source>
        <translation>De terminal meldt dat de inloggegevens ongeldig zijn, hoewel ze juist lijken.</translation>
    </message>
    <message>
        <source>Password recently changed at the terminal</source>
        <translation>Wachtwoord onlangs gewijzigd bij de terminal</translation>
    </message>
    <message>
        <source>Account locked after several failed logins</source>
        <translation>Account geblokkeerd na meerdere mislukte inlogpogingen</translation>
    </message>
    <message>
        <source>Special characters in the password not entered correctly</source>
        <translation>Speciale tekens in het wachtwoord niet goed ingevoerd</translation>
    </message>
    <message>
        <source>Terminal account not activated for API use</source>
        <translation>Terminalaccount niet geactiveerd voor API-gebruik</translation>
    </message>
    <message>
        <source>Reset the password at the terminal&apos;s portal and enter the new one.</source>
        <translation>Stel het wachtwoord opnieuw in op het portaal van de terminal en voer het nieuwe in.</translation>
    </message>
    <message>
        <source>Log in to the terminal&apos;s portal to check whether the account is locked; ask terminal support to unlock it.</source>
        <translation>Log in op het portaal van de terminal om te zien of de account geblokkeerd is; vraag de support van de terminal om deze te deblokkeren.</translation>
    </message>
    <message>
        <source>Paste the password instead of typing it; watch special characters (@, #, $) and spaces.</source>
        <translation>Plak het wachtwoord in plaats van het te typen; let op speciale tekens (@, #, $) en spaties.</translation>
    </message>
    <message>
        <source>Ask terminal support to confirm API access is enabled.</source>
        <translation>Vraag de support van de terminal te bevestigen dat API-toegang aan staat.</translation>
    </message>
    <message>
        <source>Pulled from the provider&apos;s API on the tracing schedule</source>
        <translation>Volgens het traceerschema opgehaald via de API van de aanbieder</translation>
    </message>
    <message>
        <source>Subscribed once; the provider calls back with events</source>
        <translation>Eenmalig geabonneerd; de aanbieder stuurt gebeurtenissen terug</translation>
    </message>
    <message>
        <source>Published to Envase Connect Data; results arrive by webhook</source>
        <translation>Gepubliceerd naar Envase Connect Data; resultaten komen binnen via webhook</translation>
    </message>
    <message>
        <source>Terminal account connection; data API not documented yet</source>
        <translation>Verbinding met terminalaccount; gegevens-API nog niet gedocumenteerd</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>Belgium - Antwerp</source>
        <translation>België - Antwerpen</translation>
    </message>
    <message>
        <source>Terminal events for PSA (869, 913)</source>
        <translation>Terminalgebeurtenissen voor PSA (869, 913)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Terminal events for DP World (1700)</source>
        <translation>Terminalgebeurtenissen voor DP World (1700)</translation>
    </message>
    <message>
        <source>Terminal events for MPET (1742)</source>
        <translation>Terminalgebeurtenissen voor MPET (1742)</translation>
    </message>
    <message>
        <source>Application UUID</source>
        <translation>Applicatie-UUID</translation>
    </message>
    <message>
        <source>API Token</source>
        <translation>API-token</translation>
    </message>
    <message>
        <source>Secure container release</source>
        <translation>Veilige containervrijgave</translation>
    </message>
    <message>
        <source>Netherlands - Rotterdam</source>
        <translation>Nederland - Rotterdam</translation>
    </message>
    <message>
        <source>Requires paid subscription + extended permissions option</source>
        <translation>Vereist een betaald abonnement + de optie uitgebreide rechten</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>Subscription Key</source>
        <translation>Abonnementssleutel</translation>
    </message>
    <message>
        <source>Extended Permissions</source>
        <translation>Uitgebreide rechten</translation>
    </message>
    <message>
        <source>Additional Integrations</source>
        <translation>Extra integraties</translation>
    </message>
    <message>
        <source>Certified Pick Up (Antwerp)</source>
        <translation>Certified Pick Up (Antwerpen)</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Noord-Amerika</translation>
    </message>
    <message>
        <source>Ports America TOS service: container availability, holds, last free day and gate transactions.</source>
        <translation>Ports America TOS-dienst: beschikbaarheid van containers, blokkades, laatste vrije dag en gate-transacties.</translation>
    </message>
    <message>
        <source>Terminal (site id)</source>
        <translation>Terminal (site-id)</translation>
    </message>
    <message>
        <source>Trucking company code</source>
        <translation>Code van het transportbedrijf</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Oceanië</translation>
    </message>
    <message>
        <source>New Zealand container visit event subscriptions (API v1 and v2), callbacks by webhook or e-mail.</source>
        <translation>Abonnementen op gebeurtenissen van containerbezoeken in Nieuw-Zeeland (API v1 en v2), terugmelding via webhook of e-mail.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Haven</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Faciliteit</translation>
    </message>
    <message>
        <source>APM Terminals: Los Angeles, Port Elizabeth, Mobile and South Florida (Miami).</source>
        <translation>APM Terminals: Los Angeles, Port Elizabeth, Mobile en Zuid-Florida (Miami).</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>Terminal (location code)</source>
        <translation>Terminal (locatiecode)</translation>
    </message>
    <message>
        <source>Blount Island terminal, Jacksonville.</source>
        <translation>Blount Island-terminal, Jacksonville.</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>E-mailadres van de gebruiker</translation>
    </message>
    <message>
        <source>BNSF Railway intermodal tracing.</source>
        <translation>Intermodaal traceren bij BNSF Railway.</translation>
    </message>
    <message>
        <source>CN (Canadian National) rail intermodal tracing.</source>
        <translation>Intermodaal traceren per spoor bij CN (Canadian National).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Conley Container Terminal, Boston.</source>
        <translation>Conley Container Terminal, Boston.</translation>
    </message>
    <message>
        <source>Eagle Marine Services terminal, Los Angeles.</source>
        <translation>Terminal van Eagle Marine Services, Los Angeles.</translation>
    </message>
    <message>
        <source>eModal community portal for Virginia, New York / New Jersey, Northwest Seaport Alliance, Los Angeles / Long Beach and Oakland terminals.</source>
        <translation>eModal-communityportaal voor terminals in Virginia, New York / New Jersey, de Northwest Seaport Alliance, Los Angeles / Long Beach en Oakland.</translation>
    </message>
    <message>
        <source>Sender CD</source>
        <translation>Afzendercode (Sender CD)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Handtekening</translation>
    </message>
    <message>
        <source>Port Everglades terminal, Florida.</source>
        <translation>Terminal Port Everglades, Florida.</translation>
    </message>
    <message>
        <source>Florida International Terminal, Port Everglades.</source>
        <translation>Florida International Terminal, Port Everglades.</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Azië</translation>
    </message>
    <message>
        <source>ICTSI terminals in the Philippines; import containers need the steamship bill of lading.</source>
        <translation>ICTSI-terminals in de Filipijnen; importcontainers hebben het cognossement van de rederij nodig.</translation>
    </message>
    <message>
        <source>Subscription ID</source>
        <translation>Abonnements-ID</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementssleutel</translation>
    </message>
    <message>
        <source>Steamship bill of lading</source>
        <translation>Cognossement van de rederij</translation>
    </message>
    <message>
        <source>International Transportation Service: ITS Long Beach and Husky Tacoma.</source>
        <translation>International Transportation Service: ITS Long Beach en Husky Tacoma.</translation>
    </message>
    <message>
        <source>Long Beach Container Terminal.</source>
        <translation>Long Beach Container Terminal.</translation>
    </message>
    <message>
        <source>Maher Terminals, Elizabeth, New Jersey.</source>
        <translation>Maher Terminals, Elizabeth, New Jersey.</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisatie</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Matson terminal at Long Beach, Pier C berth 60.</source>
        <translation>Matson-terminal in Long Beach, Pier C, ligplaats 60.</translation>
    </message>
    <message>
        <source>MGT terminal.</source>
        <translation>MGT-terminal.</translation>
    </message>
    <message>
        <source>NWCS container yard.</source>
        <translation>Containeropslag van NWCS.</translation>
    </message>
    <message>
        <source>Oakland, berth 58.</source>
        <translation>Oakland, ligplaats 58.</translation>
    </message>
    <message>
        <source>Pacific coast terminal.</source>
        <translation>Terminal aan de Pacifische kust.</translation>
    </message>
    <message>
        <source>Packer Avenue Marine Terminal, Philadelphia.</source>
        <translation>Packer Avenue Marine Terminal, Philadelphia.</translation>
    </message>
    <message>
        <source>Pier A, Long Beach.</source>
        <translation>Pier A, Long Beach.</translation>
    </message>
    <message>
        <source>Port of Miami Terminal Operating Company.</source>
        <translation>Port of Miami Terminal Operating Company.</translation>
    </message>
    <message>
        <source>Port Houston container terminals Barbours Cut and Bayport; customers must request API access from Port of Houston.</source>
        <translation>Containerterminals Barbours Cut en Bayport van Port Houston; klanten moeten API-toegang aanvragen bij Port of Houston.</translation>
    </message>
    <message>
        <source>Portland terminal.</source>
        <translation>Terminal in Portland.</translation>
    </message>
    <message>
        <source>Railsight rail car tracing; Envase credentials plus the customer&apos;s fleet code.</source>
        <translation>Traceren van spoorwagons via Railsight; Envase-inloggegevens plus de vlootcode van de klant.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Vloot</translation>
    </message>
    <message>
        <source>Red Hook Container Terminal, Brooklyn.</source>
        <translation>Red Hook Container Terminal, Brooklyn.</translation>
    </message>
    <message>
        <source>South Carolina Ports Authority, Charleston.</source>
        <translation>South Carolina Ports Authority, Charleston.</translation>
    </message>
    <message>
        <source>Shippers Transport Express, Alameda yard.</source>
        <translation>Shippers Transport Express, terrein Alameda.</translation>
    </message>
    <message>
        <source>Shippers Transport Express, Carson yard.</source>
        <translation>Shippers Transport Express, terrein Carson.</translation>
    </message>
    <message>
        <source>Shippers Transport Express.</source>
        <translation>Shippers Transport Express.</translation>
    </message>
    <message>
        <source>Terminal 5 (Pacific Northwest).</source>
        <translation>Terminal 5 (Pacific Northwest).</translation>
    </message>
    <message>
        <source>Terminal 6 (Pacific Northwest).</source>
        <translation>Terminal 6 (Pacific Northwest).</translation>
    </message>
    <message>
        <source>Terminal 18, Seattle.</source>
        <translation>Terminal 18, Seattle.</translation>
    </message>
    <message>
        <source>Terminal 30, Seattle.</source>
        <translation>Terminal 30, Seattle.</translation>
    </message>
    <message>
        <source>Termont terminals, Montreal.</source>
        <translation>Termont-terminals, Montreal.</translation>
    </message>
    <message>
        <source>TraPac terminals: B136 Los Angeles and B30 Oakland.</source>
        <translation>TraPac-terminals: B136 Los Angeles en B30 Oakland.</translation>
    </message>
    <message>
        <source>Total Terminals International, Long Beach.</source>
        <translation>Total Terminals International, Long Beach.</translation>
    </message>
    <message>
        <source>Union Pacific rail intermodal tracing.</source>
        <translation>Intermodaal traceren per spoor bij Union Pacific.</translation>
    </message>
    <message>
        <source>Washington United Terminals, Tacoma.</source>
        <translation>Washington United Terminals, Tacoma.</translation>
    </message>
    <message>
        <source>Yusen Terminals, Los Angeles.</source>
        <translation>Yusen Terminals, Los Angeles.</translation>
    </message>
    <message>
        <source>Outbound destination: Quaywatch sends changes to it; nothing is traced from it</source>
        <translation>Uitgaande bestemming: Quaywatch stuurt er wijzigingen naartoe; er wordt niets van gevolgd</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Uitgaand</translation>
    </message>
    <message>
        <source>PortPro TMS: Quaywatch updates the load that carries each tracked container with the seed-000 mapping fields as they change.</source>
        <translation>PortPro TMS: Quaywatch werkt de load van elke gevolgde container bij met de velden van de koppeltabel zodra ze veranderen.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Webhook &quot;%1&quot; has no signing secret in the keychain; set one before sending</source>
        <translation>Webhook &quot;%1&quot; heeft geen ondertekeningsgeheim in de sleutelbos; stel er een in voor het verzenden</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot; has no valid URL</source>
        <translation>Webhook &quot;%1&quot; heeft geen geldig adres</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot;: %2</source>
        <translation>Webhook &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>No answer from the receiver</source>
        <translation>Geen antwoord van de ontvanger</translation>
    </message>
    <message>
        <source>The receiver answered HTTP %1; will retry</source>
        <translation>De ontvanger antwoordde HTTP %1; wordt opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>The receiver answered HTTP 410 Gone; the destination is stopped</source>
        <translation>De ontvanger antwoordde HTTP 410 Gone; de bestemming is gestopt</translation>
    </message>
    <message>
        <source>The receiver refused the message with HTTP %1</source>
        <translation>De ontvanger weigerde het bericht met HTTP %1</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>All containers</source>
        <translation>Alle containers</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>LFD within 2 days</source>
        <translation>LFD binnen 2 dagen</translation>
    </message>
    <message>
        <source>Available, not picked up</source>
        <translation>Beschikbaar, niet afgehaald</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
</context>
<context>
    <name>SchedulePolicy</name>
    <message>
        <source>Cancelled, expired or completed: no more traces</source>
        <translation>Geannuleerd, verlopen of afgerond: niet meer traceren</translation>
    </message>
    <message>
        <source>Empty returned: no more traces</source>
        <translation>Leeg teruggebracht: niet meer traceren</translation>
    </message>
    <message>
        <source>Outgated: every 4 hours until the empty is returned</source>
        <translation>Uitgereden: elke 4 uur tot de lege container is teruggebracht</translation>
    </message>
    <message>
        <source>On hold: every 15 minutes</source>
        <translation>Geblokkeerd: elke 15 minuten</translation>
    </message>
    <message>
        <source>Discharged, available or not available: every 15 minutes</source>
        <translation>Gelost, beschikbaar of niet beschikbaar: elke 15 minuten</translation>
    </message>
    <message>
        <source>On vessel, ETA within 48 hours: every 15 minutes</source>
        <translation>Aan boord, ETA binnen 48 uur: elke 15 minuten</translation>
    </message>
    <message>
        <source>On vessel, ETA further away or unknown: every 12 hours</source>
        <translation>Aan boord, ETA verder weg of onbekend: elke 12 uur</translation>
    </message>
    <message>
        <source>Not found at the terminal: every 6 hours</source>
        <translation>Niet gevonden op de terminal: elke 6 uur</translation>
    </message>
    <message>
        <source>Not traced yet or status unknown: every hour</source>
        <translation>Nog niet getraceerd of status onbekend: elk uur</translation>
    </message>
</context>
<context>
    <name>ScheduleRuleModel</name>
    <message>
        <source>no more traces</source>
        <translation>niet meer traceren</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>elke %n uur</numerusform>
            <numerusform>elke %n uur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>elke %n minuut</numerusform>
            <numerusform>elke %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n second(s)</source>
        <translation>
            <numerusform>elke %n seconde</numerusform>
            <numerusform>elke %n seconden</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Geldt voor</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>Traceren</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>When a hold is released</source>
        <translation>Als een blokkade wordt opgeheven</translation>
    </message>
    <message>
        <source>When a container becomes available for pickup</source>
        <translation>Als een container klaar is voor afhalen</translation>
    </message>
    <message>
        <source>When a container&apos;s last free day is tomorrow (once a day)</source>
        <translation>Als de laatste vrije dag van een container morgen is (één keer per dag)</translation>
    </message>
    <message>
        <source>Also show them as desktop notifications (system tray)</source>
        <translation>Ook tonen als bureaubladmeldingen (systeemvak)</translation>
    </message>
    <message>
        <source>Tracing schedule</source>
        <translation>Traceerschema</translation>
    </message>
    <message>
        <source>How often containers are traced, by their last known state. The first rule that applies wins. &quot;Trace now&quot; in the watchlist traces at once regardless.</source>
        <translation>Hoe vaak containers worden getraceerd, naar hun laatst bekende toestand. De eerste regel die van toepassing is, geldt. &quot;Nu traceren&quot; in de volglijst traceert altijd direct.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Start Quaywatch with --db to use another database.</source>
        <translation>Start Quaywatch met --db om een andere database te gebruiken.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systeemtaal</translation>
    </message>
    <message>
        <source>Inbox folder</source>
        <translation>Inboxmap</translation>
    </message>
    <message>
        <source>Spreadsheets saved into this folder are imported while Quaywatch runs; each file then moves to processed/ or rejected/ with its errors.</source>
        <translation>Spreadsheets die in deze map worden opgeslagen, worden geïmporteerd zolang Quaywatch draait; elk bestand gaat daarna naar processed/ of rejected/, met de fouten erbij.</translation>
    </message>
    <message>
        <source>No folder: nothing is imported automatically</source>
        <translation>Geen map: er wordt niets automatisch geïmporteerd</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Push-style providers call Quaywatch back at this address and port. It listens once the company has a webhook subscription (and so a token) or a provider&apos;s signing key.</source>
        <translation>Providers die zelf gegevens sturen, melden zich op dit adres en deze poort bij Quaywatch terug. Er wordt geluisterd zodra het bedrijf een webhookabonnement (en dus een token) of de ondertekeningssleutel van een provider heeft.</translation>
    </message>
    <message>
        <source>[address:]port, e.g. 127.0.0.1:8787</source>
        <translation>[adres:]poort, bijv. 127.0.0.1:8787</translation>
    </message>
    <message>
        <source>View only: this console never syncs (the workers on the shared database do)</source>
        <translation>Alleen bekijken: deze console synchroniseert nooit (de workers op de gedeelde database doen dat)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Toetsen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No keyboard shortcuts are defined.</source>
        <translation>Er zijn geen sneltoetsen ingesteld.</translation>
    </message>
</context>
<context>
    <name>SigningSecretDialog</name>
    <message>
        <source>Give this signing secret to the receiver of %1 now, so that it can check the Quaywatch-Signature header. It will not be shown again: Quaywatch keeps it only in the keychain.</source>
        <translation>Geef dit ondertekeningsgeheim nu aan de ontvanger van %1, zodat die de Quaywatch-Signature-header kan controleren. Het wordt niet opnieuw getoond: Quaywatch bewaart het alleen in de sleutelbos.</translation>
    </message>
    <message>
        <source>Signing secret for %1</source>
        <translation>Ondertekeningsgeheim voor %1</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Ondertekeningsgeheim</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
</context>
<context>
    <name>StatusPresentation</name>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message>
        <source>On vessel</source>
        <translation>Aan boord</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Gelost</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Niet beschikbaar</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Outgated</source>
        <translation>Gate-out</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Leeg geretourneerd</translation>
    </message>
    <message>
        <source>Customs</source>
        <translation>Douane</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Rederij</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>Vracht</translation>
    </message>
    <message>
        <source>USDA</source>
        <translation>USDA</translation>
    </message>
    <message>
        <source>TMF</source>
        <translation>TMF</translation>
    </message>
    <message>
        <source>CTF</source>
        <translation>CTF</translation>
    </message>
    <message>
        <source>Demurrage</source>
        <translation>Demurrage</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>today</source>
        <translation>vandaag</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>%n dag te laat</numerusform>
            <numerusform>%n dagen te laat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>over %n dag</numerusform>
            <numerusform>over %n dagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreConsoleBackend</name>
    <message>
        <source>Sync: %1 traced, %2 failed, %3 new events</source>
        <translation>Synchronisatie: %1 getraceerd, %2 mislukt, %3 nieuwe gebeurtenissen</translation>
    </message>
    <message>
        <source>Give the destination a name of up to 64 letters, digits, spaces, dots, dashes or underscores.</source>
        <translation>Geef de bestemming een naam van hoogstens 64 letters, cijfers, spaties, punten, streepjes of liggende streepjes.</translation>
    </message>
    <message>
        <source>Enter the receiver&apos;s full address, e.g. https://example.com/hook.</source>
        <translation>Vul het volledige adres van de ontvanger in, bijv. https://example.com/hook.</translation>
    </message>
    <message>
        <source>The address must use https; plain http is only allowed to this computer (localhost, 127.0.0.1 or ::1).</source>
        <translation>Het adres moet https gebruiken; gewone http mag alleen naar deze computer (localhost, 127.0.0.1 of ::1).</translation>
    </message>
    <message>
        <source>Unknown event code %1.</source>
        <translation>Onbekende gebeurteniscode %1.</translation>
    </message>
    <message>
        <source>There is no outbound destination %1.</source>
        <translation>Er is geen uitgaande bestemming %1.</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>Er is geen sleutelbos beschikbaar.</translation>
    </message>
    <message>
        <source>A destination named %1 exists already.</source>
        <translation>Er bestaat al een bestemming met de naam %1.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; belongs to the %2 connection.</source>
        <translation>De naam &quot;%1&quot; hoort bij de %2-verbinding.</translation>
    </message>
    <message>
        <source>%1 is removed with Disconnect on its card.</source>
        <translation>%1 verwijdert u met Ontkoppelen op de kaart.</translation>
    </message>
</context>
<context>
    <name>SubscriptionService</name>
    <message numerus="yes">
        <source>Subscribing %n number(s)…</source>
        <translation>
            <numerusform>Abonneren op %n nummer…</numerusform>
            <numerusform>Abonneren op %n nummers…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Subscribed %n number(s)</source>
        <translation>
            <numerusform>Geabonneerd op %n nummer</numerusform>
            <numerusform>Geabonneerd op %n nummers</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot store the webhook token in the keychain: %1</source>
        <translation>Kan het webhooktoken niet in de sleutelbos opslaan: %1</translation>
    </message>
    <message numerus="yes">
        <source>Changing the reference of %n subscription(s)…</source>
        <translation>
            <numerusform>Referentie van %n abonnement wijzigen…</numerusform>
            <numerusform>Referentie van %n abonnementen wijzigen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one subscription</source>
        <translation>Kies minstens één abonnement</translation>
    </message>
    <message>
        <source>Cannot read the webhook token from the keychain: %1</source>
        <translation>Kan het webhooktoken niet uit de sleutelbos lezen: %1</translation>
    </message>
    <message>
        <source>The reference is changed; the 90-day window starts again</source>
        <translation>De referentie is gewijzigd; de periode van 90 dagen begint opnieuw</translation>
    </message>
    <message numerus="yes">
        <source>Removing %n subscription(s)…</source>
        <translation>
            <numerusform>%n abonnement verwijderen…</numerusform>
            <numerusform>%n abonnementen verwijderen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n subscription(s)</source>
        <translation>
            <numerusform>%n abonnement verwijderd</numerusform>
            <numerusform>%n abonnementen verwijderd</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>%1 verwijderen…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Publishing %n container(s) for tracing…</source>
        <translation>
            <numerusform>%n container publiceren om te traceren…</numerusform>
            <numerusform>%n containers publiceren om te traceren…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling tracing of %n container(s)…</source>
        <translation>
            <numerusform>Traceren van %n container stoppen…</numerusform>
            <numerusform>Traceren van %n containers stoppen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n container(s)</source>
        <translation>
            <numerusform>%n container gepubliceerd</numerusform>
            <numerusform>%n containers gepubliceerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled tracing of %n container(s)</source>
        <translation>
            <numerusform>Traceren van %n container gestopt</numerusform>
            <numerusform>Traceren van %n containers gestopt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already published; use Trace now to publish again</source>
        <translation>
            <numerusform>%n was al gepubliceerd; gebruik Nu traceren om opnieuw te publiceren</numerusform>
            <numerusform>%n waren al gepubliceerd; gebruik Nu traceren om opnieuw te publiceren</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing %1…</source>
        <translation>%1 publiceren…</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>Traceren van %1 stoppen…</translation>
    </message>
    <message>
        <source>No provider module takes subscriptions</source>
        <translation>Geen providermodule neemt abonnementen aan</translation>
    </message>
    <message>
        <source>There is no %1 connection for %2; connect %1 on the Data sources page first</source>
        <translation>Er is geen %1-verbinding voor %2; verbind %1 eerst op de pagina Gegevensbronnen</translation>
    </message>
    <message>
        <source>Cannot read the %1 subscription key from the keychain: %2</source>
        <translation>Kan de %1-abonnementssleutel niet uit de sleutelbos lezen: %2</translation>
    </message>
    <message>
        <source>%1 refused the subscription: %2</source>
        <translation>%1 heeft het abonnement geweigerd: %2</translation>
    </message>
    <message>
        <source>No provider module publishes for tracing</source>
        <translation>Geen providermodule publiceert voor tracering</translation>
    </message>
    <message>
        <source>Comparing the subscriptions with %1…</source>
        <translation>Abonnementen vergelijken met %1…</translation>
    </message>
    <message>
        <source>Cannot read the publishing credentials from the keychain: %1</source>
        <translation>Kan de publicatiegegevens niet uit de sleutelbos lezen: %1</translation>
    </message>
    <message>
        <source>Registering %1 for results…</source>
        <translation>%1 aanmelden voor resultaten…</translation>
    </message>
    <message>
        <source>Registered; registration id %1</source>
        <translation>Aangemeld; aanmeldings-ID %1</translation>
    </message>
    <message>
        <source>Compared with %1: %2 matched</source>
        <translation>Vergeleken met %1: %2 komen overeen</translation>
    </message>
    <message>
        <source>%1 only listed by the provider, added here</source>
        <translation>%1 alleen bij de aanbieder bekend, hier toegevoegd</translation>
    </message>
    <message>
        <source>%1 no longer listed by the provider, marked removed: %2</source>
        <translation>%1 niet meer bij de aanbieder bekend, als verwijderd gemarkeerd: %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <source>Booking</source>
        <translation>Boeking</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <source>E-mail %1</source>
        <translation>E-mail %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (verlopen)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (nog %n dag)</numerusform>
            <numerusform>%1 (nog %n dagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Gebeurtenistypen</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Haven</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Faciliteit</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Terugmelding</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Verloopt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <source>&amp;New subscription…</source>
        <translation>&amp;Nieuw abonnement…</translation>
    </message>
    <message>
        <source>Change &amp;reference…</source>
        <translation>&amp;Referentie wijzigen…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <source>&amp;%1 subscriptions</source>
        <translation>&amp;%1-abonnementen</translation>
    </message>
    <message>
        <source>&amp;Trace publishing</source>
        <translation>Publiceren voor &amp;tracering</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 subscriptions</source>
        <translation>%1-abonnementen</translation>
    </message>
    <message>
        <source>Subscribe container or booking numbers (Ctrl+N)</source>
        <translation>Abonneren op container- of boekingsnummers (Ctrl+N)</translation>
    </message>
    <message>
        <source>Remove the selected subscriptions (Delete)</source>
        <translation>De geselecteerde abonnementen verwijderen (Delete)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Another operation is still running; try again when it is done</source>
        <translation>Er loopt nog een andere bewerking; probeer het opnieuw als die klaar is</translation>
    </message>
    <message>
        <source>Remove subscriptions</source>
        <translation>Abonnementen verwijderen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n subscription(s) at %1? No more callbacks will come for: %2</source>
        <translation>
            <numerusform>%n abonnement bij %1 verwijderen? Er komen geen terugmeldingen meer voor: %2</numerusform>
            <numerusform>%n abonnementen bij %1 verwijderen? Er komen geen terugmeldingen meer voor: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compare with %1</source>
        <translation>Ver&amp;gelijken met %1</translation>
    </message>
    <message>
        <source>Bring this list in line with %1&apos;s own list of subscriptions; nothing is changed at %1</source>
        <translation>Deze lijst gelijktrekken met de eigen abonnementenlijst van %1; bij %1 verandert niets</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Wat er moet gebeuren</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bevestigd</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Containers that need action today</source>
        <translation>Containers die vandaag actie vragen</translation>
    </message>
    <message>
        <source>Trace now</source>
        <translation>Nu traceren</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Bevestigen…</translation>
    </message>
    <message>
        <source>Note that you are handling the selected containers; every console of the company shows it, and the audit log records it</source>
        <translation>Vastleggen dat u de geselecteerde containers afhandelt; elke console van het bedrijf toont het en het auditlogboek registreert het</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bevestigen</translation>
    </message>
    <message numerus="yes">
        <source>Note for %n container(s), e.g. who handles it:</source>
        <translation>
            <numerusform>Notitie voor %n container, bijv. wie het afhandelt:</numerusform>
            <numerusform>Notitie voor %n containers, bijv. wie het afhandelt:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the acknowledgements: %1</source>
        <translation>Kan de bevestigingen niet lezen: %1</translation>
    </message>
    <message>
        <source>%1, %2, %3.</source>
        <translation>%1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) overdue or due today</source>
        <translation>
            <numerusform>%n container verlopen of vandaag aan de beurt</numerusform>
            <numerusform>%n containers verlopen of vandaag aan de beurt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due tomorrow</source>
        <translation>
            <numerusform>%n morgen aan de beurt</numerusform>
            <numerusform>%n morgen aan de beurt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on hold</source>
        <translation>
            <numerusform>%n geblokkeerd</numerusform>
            <numerusform>%n geblokkeerd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>%n container wordt nu getraceerd</numerusform>
            <numerusform>%n containers worden nu getraceerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot acknowledge %1: %2</source>
        <translation>Kan %1 niet bevestigen: %2</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n container(s)</source>
        <translation>
            <numerusform>%n container bevestigd</numerusform>
            <numerusform>%n containers bevestigd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodaySituations</name>
    <message>
        <source>LFD overdue, still in the terminal</source>
        <translation>LFD verlopen, nog op de terminal</translation>
    </message>
    <message>
        <source>LFD today</source>
        <translation>LFD vandaag</translation>
    </message>
    <message>
        <source>LFD tomorrow</source>
        <translation>LFD morgen</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Geblokkeerd</translation>
    </message>
    <message>
        <source>Available, not picked up</source>
        <translation>Beschikbaar, niet afgehaald</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>Gegevensproblemen</translation>
    </message>
    <message>
        <source>available</source>
        <translation>beschikbaar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>niet beschikbaar</translation>
    </message>
    <message>
        <source>demurrage %1</source>
        <translation>demurrage %1</translation>
    </message>
    <message>
        <source>available, not picked up</source>
        <translation>beschikbaar, niet afgehaald</translation>
    </message>
    <message>
        <source>appointment %1</source>
        <translation>afspraak %1</translation>
    </message>
    <message>
        <source>last trace failed</source>
        <translation>laatste tracering mislukt</translation>
    </message>
    <message>
        <source>%1 hold</source>
        <translation>blokkade %1</translation>
    </message>
    <message>
        <source>%1 hold since %2</source>
        <translation>blokkade %1 sinds %2</translation>
    </message>
    <message>
        <source>no LFD yet</source>
        <translation>nog geen LFD</translation>
    </message>
    <message>
        <source>LFD %1</source>
        <translation>LFD %1</translation>
    </message>
    <message>
        <source>LFD %1 (%2)</source>
        <translation>LFD %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>elke %n minuut</numerusform>
            <numerusform>elke %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>elk %n uur</numerusform>
            <numerusform>elke %n uur</numerusform>
        </translation>
    </message>
    <message>
        <source>last trace failed: %1</source>
        <translation>laatste tracering mislukt: %1</translation>
    </message>
    <message>
        <source>the terminal says available, but the gate says it left on %1</source>
        <translation>de terminal meldt beschikbaar, maar volgens de gate is hij op %1 vertrokken</translation>
    </message>
    <message>
        <source>not traced since %1 (due %2)</source>
        <translation>niet getraceerd sinds %1 (gepland %2)</translation>
    </message>
</context>
<context>
    <name>TracePublicationModel</name>
    <message>
        <source>Tracing</source>
        <translation>Traceren</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Aanbieder</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
</context>
<context>
    <name>TracePublicationPanel</name>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publiceren</translation>
    </message>
    <message>
        <source>&amp;Trace now</source>
        <translation>Nu &amp;traceren</translation>
    </message>
    <message>
        <source>Cancel t&amp;racing</source>
        <translation>T&amp;raceren stoppen</translation>
    </message>
    <message>
        <source>Published containers</source>
        <translation>Gepubliceerde containers</translation>
    </message>
    <message>
        <source>Publishing settings</source>
        <translation>Publicatie-instellingen</translation>
    </message>
    <message>
        <source>UUID of the service</source>
        <translation>UUID van de dienst</translation>
    </message>
    <message>
        <source>Empty: the catalog&apos;s events endpoint</source>
        <translation>Leeg: het endpoint voor gebeurtenissen uit de catalogus</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>Instellingen op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;orgId:</source>
        <translation>&amp;orgId:</translation>
    </message>
    <message>
        <source>s&amp;vcId:</source>
        <translation>s&amp;vcId:</translation>
    </message>
    <message>
        <source>&amp;Origin:</source>
        <translation>&amp;Herkomst:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>Publish containers for tracing</source>
        <translation>Containers publiceren om te traceren</translation>
    </message>
    <message>
        <source>Container numbers, separated by spaces or commas</source>
        <translation>Containernummers, gescheiden door spaties of komma&apos;s</translation>
    </message>
    <message>
        <source>The provider&apos;s data fields, e.g. locationCode=USNWK</source>
        <translation>De gegevensvelden van de aanbieder, bijv. locationCode=USNWK</translation>
    </message>
    <message>
        <source>Con&amp;tainers:</source>
        <translation>&amp;Containers:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Aan&amp;bieder:</translation>
    </message>
    <message>
        <source>&amp;Data fields:</source>
        <translation>&amp;Gegevensvelden:</translation>
    </message>
    <message>
        <source>Type at least one container number to publish</source>
        <translation>Typ minstens één containernummer om te publiceren</translation>
    </message>
    <message>
        <source>&amp;Normalize (%1 validates the container)</source>
        <translation>&amp;Normaliseren (%1 valideert de container)</translation>
    </message>
    <message>
        <source>UUID of your organization at %1</source>
        <translation>UUID van uw organisatie bij %1</translation>
    </message>
</context>
<context>
    <name>WatchlistDrillDown</name>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <translation>Blokkade: %1</translation>
    </message>
    <message>
        <source>LFD: %1</source>
        <translation>LFD: %1</translation>
    </message>
    <message>
        <source>LFD overdue, still at the terminal</source>
        <translation>LFD verlopen, nog op de terminal</translation>
    </message>
    <message>
        <source>LFD in the next 2 days, still at the terminal</source>
        <translation>LFD binnen 2 dagen, nog op de terminal</translation>
    </message>
</context>
<context>
    <name>WatchlistModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Verlopen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Voltooid</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Terminal LFD: %1
Line LFD: %2</source>
        <translation>LFD terminal: %1
LFD rederij: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referentie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Blokkades</translation>
    </message>
    <message>
        <source>LFD</source>
        <translation>LFD</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>Vessel</source>
        <translation>Schip</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Gelost</translation>
    </message>
    <message>
        <source>Outgated</source>
        <translation>Gate-out</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Leeg geretourneerd</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Afspraak</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Positie</translation>
    </message>
    <message>
        <source>Demurrage</source>
        <translation>Demurrage</translation>
    </message>
    <message>
        <source>Last traced</source>
        <translation>Laatst getraceerd</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Laatste fout</translation>
    </message>
    <message>
        <source>Bill of lading</source>
        <translation>Cognossement</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>Traceren</translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message>
        <source>Change reference</source>
        <translation>Referentie wijzigen</translation>
    </message>
    <message>
        <source>Reference (at most %1 characters; restarts the 90-day tracing window):</source>
        <translation>Referentie (hoogstens %1 tekens; start de traceerperiode van 90 dagen opnieuw):</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Selectie exporteren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>Cancel tracing</source>
        <translation>Traceren stoppen</translation>
    </message>
    <message numerus="yes">
        <source>Stop tracing %n container(s)? Their history is kept.</source>
        <translation>
            <numerusform>Traceren van %n container stoppen? De geschiedenis blijft bewaard.</numerusform>
            <numerusform>Traceren van %n containers stoppen? De geschiedenis blijft bewaard.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Weergave opslaan</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Naam van de weergave:</translation>
    </message>
    <message>
        <source>Filter by container, reference, vessel or bill of lading (Ctrl+F)</source>
        <translation>Filteren op container, referentie, schip of cognossement (Ctrl+F)</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Weergave:</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles tonen</translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation>Vanuit het dashboard: %1</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Weergave opslaan…</translation>
    </message>
    <message>
        <source>Trace now</source>
        <translation>Nu traceren</translation>
    </message>
    <message>
        <source>Change reference…</source>
        <translation>Referentie wijzigen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Selectie exporteren…</translation>
    </message>
    <message>
        <source>Cannot read the watchlist: %1</source>
        <translation>Kan de volglijst niet lezen: %1</translation>
    </message>
    <message>
        <source>View &quot;%1&quot; saved</source>
        <translation>Weergave &quot;%1&quot; opgeslagen</translation>
    </message>
    <message>
        <source>%1 of %2 containers</source>
        <translation>%1 van %2 containers</translation>
    </message>
    <message>
        <source>%1 (loading…)</source>
        <translation>%1 (laden…)</translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>%n container wordt nu getraceerd</numerusform>
            <numerusform>%n containers worden nu getraceerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cancel tracing: %1</source>
        <translation>Kan het traceren niet stoppen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped tracing %n container(s)</source>
        <translation>
            <numerusform>Traceren van %n container gestopt</numerusform>
            <numerusform>Traceren van %n containers gestopt</numerusform>
        </translation>
    </message>
    <message>
        <source>A reference has at most %1 characters; this one has %2. Nothing was changed.</source>
        <translation>Een referentie heeft hoogstens %1 tekens; deze heeft er %2. Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Cannot change the reference: %1</source>
        <translation>Kan de referentie niet wijzigen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reference of %n container(s) changed; tracing window restarted</source>
        <translation>
            <numerusform>Referentie van %n container gewijzigd; traceerperiode opnieuw gestart</numerusform>
            <numerusform>Referentie van %n containers gewijzigd; traceerperiode opnieuw gestart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n container(s)</source>
        <translation>
            <numerusform>%n container gekopieerd</numerusform>
            <numerusform>%n containers gekopieerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Exporteren mislukt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n container(s) to %1</source>
        <translation>
            <numerusform>%n container geëxporteerd naar %1</numerusform>
            <numerusform>%n containers geëxporteerd naar %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>Spreadsheet importeren…</translation>
    </message>
    <message>
        <source>Add the containers of a CSV or Excel file to the watchlist (Ctrl+I)</source>
        <translation>De containers uit een CSV- of Excel-bestand aan de volglijst toevoegen (Ctrl+I)</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>Kolommen passend maken</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Weergave</translation>
    </message>
</context>
<context>
    <name>WebhookDestinationDialog</name>
    <message>
        <source>All events</source>
        <translation>Alle gebeurtenissen</translation>
    </message>
    <message>
        <source>Only these events:</source>
        <translation>Alleen deze gebeurtenissen:</translation>
    </message>
    <message>
        <source>Add webhook destination</source>
        <translation>Webhookbestemming toevoegen</translation>
    </message>
    <message>
        <source>Quaywatch sends each change of your containers to this address as signed JSON. A signing secret is made for it and shown once, for the receiver.</source>
        <translation>Quaywatch stuurt elke wijziging van uw containers als ondertekende JSON naar dit adres. Er wordt een ondertekeningsgeheim voor gemaakt en eenmaal getoond, voor de ontvanger.</translation>
    </message>
    <message>
        <source>e.g. warehouse</source>
        <translation>bijv. magazijn</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Address (https):</source>
        <translation>Adres (https):</translation>
    </message>
    <message>
        <source>Event codes</source>
        <translation>Gebeurteniscodes</translation>
    </message>
    <message>
        <source>Tick at least one event, or choose All events.</source>
        <translation>Vink minstens één gebeurtenis aan, of kies Alle gebeurtenissen.</translation>
    </message>
</context>
<context>
    <name>WebhookStatusWidget</name>
    <message>
        <source>Webhook status</source>
        <translation>Webhookstatus</translation>
    </message>
    <message>
        <source>Last refused callback at %1: %2 %3 (%4)</source>
        <translation>Laatste geweigerde terugmelding om %1: %2 %3 (%4)</translation>
    </message>
    <message>
        <source>Webhooks: off</source>
        <translation>Webhooks: uit</translation>
    </message>
    <message>
        <source>Webhooks: listening on %1:%2</source>
        <translation>Webhooks: luistert op %1:%2</translation>
    </message>
    <message>
        <source> · last callback %1</source>
        <translation> · laatste terugmelding om %1</translation>
    </message>
    <message>
        <source> · no callback yet</source>
        <translation> · nog geen terugmelding</translation>
    </message>
    <message>
        <source>No callback has been refused</source>
        <translation>Er is geen terugmelding geweigerd</translation>
    </message>
    <message>
        <source> · warning: unencrypted on the network</source>
        <translation> · waarschuwing: onversleuteld op het netwerk</translation>
    </message>
    <message>
        <source>The listener is reachable from other machines over plain HTTP: put a TLS-terminating proxy in front of it, or listen on 127.0.0.1.</source>
        <translation>De listener is via gewoon HTTP bereikbaar vanaf andere computers: zet er een proxy met TLS-terminatie voor, of luister op 127.0.0.1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Quaywatch (demo)</source>
        <translation>Quaywatch (demo)</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Sleutelbos</translation>
    </message>
</context>
</TS>
