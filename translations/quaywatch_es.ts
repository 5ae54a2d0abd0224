<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AddContainersDialog</name>
    <message>
        <source>Add containers</source>
        <translation>Añadir contenedores</translation>
    </message>
    <message>
        <source>Type or paste container numbers: one per line, or separated by commas or spaces</source>
        <translation>Escriba o pegue números de contenedor: uno por línea, o separados por comas o espacios</translation>
    </message>
    <message>
        <source>Optional, at most %1 characters</source>
        <translation>Opcional, como máximo %1 caracteres</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Terminal:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Referencia:</translation>
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
        <translation>%1 válidos, %2 no válidos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>%1 *:</source>
        <translation>%1 *:</translation>
    </message>
    <message numerus="yes">
        <source>Add %n container(s)</source>
        <translation>
            <numerusform>Añadir %n contenedor</numerusform>
            <numerusform>Añadir %n contenedores</numerusform>
        </translation>
    </message>
    <message>
        <source>Container numbers</source>
        <translation>Números de contenedor</translation>
    </message>
    <message>
        <source>Checked container numbers</source>
        <translation>Números de contenedor comprobados</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Container &amp;numbers:</source>
        <translation>&amp;Números de contenedor:</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>OS user</source>
        <translation>Usuario del sistema</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entidad</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Filter (user, provider, action, outcome, detail)</source>
        <translation>Filtrar (usuario, proveedor, acción, resultado, detalle)</translation>
    </message>
    <message>
        <source>Filter the audit log</source>
        <translation>Filtrar el registro de auditoría</translation>
    </message>
    <message>
        <source>&amp;Export CSV...</source>
        <translation>&amp;Exportar CSV...</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Loading the audit log…</source>
        <translation>Cargando el registro de auditoría…</translation>
    </message>
    <message>
        <source>Cannot read the audit log: %1</source>
        <translation>No se puede leer el registro de auditoría: %1</translation>
    </message>
</context>
<context>
    <name>ChangeReferenceDialog</name>
    <message>
        <source>Change reference</source>
        <translation>Cambiar referencia</translation>
    </message>
    <message numerus="yes">
        <source>The new reference replaces the old one on %n subscription(s) and starts a new 90-day window.</source>
        <translation>
            <numerusform>La nueva referencia sustituye a la anterior en %n suscripción e inicia un nuevo periodo de 90 días.</numerusform>
            <numerusform>La nueva referencia sustituye a la anterior en %n suscripciones e inicia un nuevo periodo de 90 días.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Cambiar</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Update %1</source>
        <translation>Actualizar %1</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Conectar %1</translation>
    </message>
    <message>
        <source>Entity: %1</source>
        <translation>Entidad: %1</translation>
    </message>
    <message>
        <source>This provider needs no credentials.</source>
        <translation>Este proveedor no necesita credenciales.</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* obligatorio</translation>
    </message>
    <message>
        <source>Tick only once the terminal has approved extended API access for your account.</source>
        <translation>Márquelo solo cuando la terminal haya aprobado el acceso ampliado a la API para su cuenta.</translation>
    </message>
    <message>
        <source>saved — leave empty to keep</source>
        <translation>guardado — déjelo vacío para conservarlo</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>required for verification: the API address the provider gave you</source>
        <translation>necesaria para verificar: la dirección de la API que le dio el proveedor</translation>
    </message>
    <message>
        <source>empty: the provider&apos;s address for the environment</source>
        <translation>vacío: la dirección del proveedor para el entorno</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Spaces before or after %1 were removed. Check the values and press Save again.</source>
        <translation>Se quitaron los espacios antes o después de %1. Revise los valores y pulse Guardar de nuevo.</translation>
    </message>
    <message>
        <source>Fill in the required fields (marked *): %1</source>
        <translation>Rellene los campos obligatorios (marcados con *): %1</translation>
    </message>
    <message>
        <source>Saving to the keychain...</source>
        <translation>Guardando en el llavero...</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <source>Check these credentials with the provider without saving them</source>
        <translation>Comprobar estas credenciales con el proveedor sin guardarlas</translation>
    </message>
    <message>
        <source>Testing the connection...</source>
        <translation>Probando la conexión...</translation>
    </message>
    <message>
        <source>Cannot be tested: the provider documents no way to check credentials.</source>
        <translation>No se puede probar: el proveedor no documenta ninguna forma de comprobar las credenciales.</translation>
    </message>
    <message>
        <source>Connection works: the provider accepted these credentials. Nothing is saved until you press Save.</source>
        <translation>La conexión funciona: el proveedor aceptó estas credenciales. No se guarda nada hasta que pulse Guardar.</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>La prueba falló: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionService</name>
    <message>
        <source>The provider refused the credentials.</source>
        <translation>El proveedor ha rechazado las credenciales.</translation>
    </message>
    <message>
        <source>The credentials were accepted, but API access is not enabled for this account.</source>
        <translation>Las credenciales se aceptaron, pero el acceso a la API no está habilitado para esta cuenta.</translation>
    </message>
    <message>
        <source>The provider does not accept requests from this computer&apos;s IP address (not whitelisted).</source>
        <translation>El proveedor no acepta solicitudes desde la dirección IP de este equipo (no está en la lista blanca).</translation>
    </message>
    <message>
        <source>The provider&apos;s API could not be reached or is temporarily unavailable.</source>
        <translation>No se pudo acceder a la API del proveedor o no está disponible temporalmente.</translation>
    </message>
    <message>
        <source>No API address is configured for this provider: its documentation names none. Open Connect, Advanced, and enter the base URL the provider gave you.</source>
        <translation>No hay ninguna dirección de API configurada para este proveedor: su documentación no indica ninguna. Abra Conectar, Avanzado, e introduzca la URL base que le dio el proveedor.</translation>
    </message>
    <message>
        <source>A saved secret is missing from the keychain. Connect again and enter it.</source>
        <translation>Falta un secreto guardado en el llavero. Vuelva a conectar e introdúzcalo.</translation>
    </message>
    <message>
        <source>The OS keychain could not be used; the message above says why and how to fix it.</source>
        <translation>No se pudo usar el llavero del sistema operativo; el mensaje de arriba explica por qué y cómo solucionarlo.</translation>
    </message>
    <message>
        <source>These credentials belong to the service account, not to your terminal account.</source>
        <translation>Estas credenciales pertenecen a la cuenta de servicio, no a su cuenta de la terminal.</translation>
    </message>
</context>
<context>
    <name>ConsoleWiring</name>
    <message numerus="yes">
        <source>Inbox: %n file(s) imported</source>
        <translation>
            <numerusform>Bandeja de entrada: %n archivo importado</numerusform>
            <numerusform>Bandeja de entrada: %n archivos importados</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox: %1</source>
        <translation>Bandeja de entrada: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Suscripciones</translation>
    </message>
    <message>
        <source>Webhooks: %1</source>
        <translation>Webhooks: %1</translation>
    </message>
    <message>
        <source>Outbound destination %1 stopped; resume it on Data sources.</source>
        <translation>El destino saliente %1 se detuvo; reanúdelo en Fuentes de datos.</translation>
    </message>
</context>
<context>
    <name>ContainerDetailPane</name>
    <message>
        <source>Select an event to see the provider&apos;s payload behind it.</source>
        <translation>Seleccione un evento para ver los datos del proveedor que lo originaron.</translation>
    </message>
    <message>
        <source>%1: cannot read the events: %2</source>
        <translation>%1: no se pueden leer los eventos: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Retenciones</translation>
    </message>
    <message>
        <source>Terminal LFD</source>
        <translation>LFD de la terminal</translation>
    </message>
    <message>
        <source>Line LFD</source>
        <translation>LFD de la naviera</translation>
    </message>
    <message>
        <source>Demurrage</source>
        <translation>Sobrestadía</translation>
    </message>
    <message>
        <source>Vessel</source>
        <translation>Buque</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Descargado</translation>
    </message>
    <message>
        <source>Yard location</source>
        <translation>Ubicación en patio</translation>
    </message>
    <message>
        <source>Pickup appointment</source>
        <translation>Cita de retiro</translation>
    </message>
    <message>
        <source>Outgate</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Vacío devuelto</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>%1: source</source>
        <translation>%1: origen</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Cronología de eventos</translation>
    </message>
    <message>
        <source>Show raw data</source>
        <translation>Mostrar datos originales</translation>
    </message>
    <message>
        <source>The provider&apos;s payload behind the selected event</source>
        <translation>Los datos del proveedor detrás del evento seleccionado</translation>
    </message>
    <message>
        <source>Raw provider data</source>
        <translation>Datos originales del proveedor</translation>
    </message>
    <message>
        <source>Hide raw data</source>
        <translation>Ocultar datos originales</translation>
    </message>
    <message>
        <source>Times in %1 (%2, %3), the site&apos;s time zone</source>
        <translation>Horas en %1 (%2, %3), la zona horaria de la terminal</translation>
    </message>
    <message>
        <source>%1 · %2 at %3</source>
        <translation>%1 · %2 en %3</translation>
    </message>
    <message>
        <source>Select a container to see its details and event timeline.</source>
        <translation>Seleccione un contenedor para ver sus detalles y su cronología de eventos.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · seen %2</source>
        <translation>%1 · visto %2</translation>
    </message>
    <message>
        <source>not traced yet</source>
        <translation>aún no rastreado</translation>
    </message>
    <message>
        <source>%1 · last traced %2</source>
        <translation>%1 · último rastreo %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>%1 hold</source>
        <translation>retención %1</translation>
    </message>
    <message>
        <source>%1 (“%2”)</source>
        <translation>%1 («%2»)</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>No holds</source>
        <translation>Sin retenciones</translation>
    </message>
    <message>
        <source>none reported</source>
        <translation>ninguna notificada</translation>
    </message>
    <message>
        <source>B/L %1</source>
        <translation>B/L %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>%1 (effective: the earlier)</source>
        <translation>%1 (vigente: la anterior)</translation>
    </message>
    <message>
        <source>%1 (effective)</source>
        <translation>%1 (vigente)</translation>
    </message>
    <message>
        <source>%1, voyage %2</source>
        <translation>%1, viaje %2</translation>
    </message>
    <message>
        <source>arrived %1</source>
        <translation>llegó %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>ETA %1</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>trucker %1</source>
        <translation>transportista %1</translation>
    </message>
    <message>
        <source>chassis %1</source>
        <translation>chasis %1</translation>
    </message>
    <message>
        <source>Next trace</source>
        <translation>Próximo rastreo</translation>
    </message>
    <message>
        <source>The terminal still lists it in the yard although the gate saw it leave.</source>
        <translation>La terminal aún lo muestra en el patio, aunque la puerta lo vio salir.</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>no programado</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Containers by status</source>
        <translation>Contenedores por estado</translation>
    </message>
    <message>
        <source>Containers on hold, by hold type</source>
        <translation>Contenedores retenidos, por tipo de retención</translation>
    </message>
    <message>
        <source>Click a bar to see its containers in the watchlist.</source>
        <translation>Haga clic en una barra para ver sus contenedores en la lista de seguimiento.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>%1 containers · %2 on hold · %3 last free days this week</source>
        <translation>%1 contenedores · %2 retenidos · %3 últimos días libres esta semana</translation>
    </message>
    <message>
        <source>Demurrage exposure</source>
        <translation>Exposición a sobrestadía</translation>
    </message>
    <message>
        <source>Last free days: overdue and the next 7 days</source>
        <translation>Últimos días libres: vencidos y los próximos 7 días</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencidos</translation>
    </message>
    <message numerus="yes">
        <source>Demurrage running: %1 on %n container(s) still at the terminal</source>
        <translation>
            <numerusform>Sobrestadía en curso: %1 en %n contenedor aún en la terminal</numerusform>
            <numerusform>Sobrestadía en curso: %1 en %n contenedores aún en la terminal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) at risk: LFD in the next 2 days</source>
        <translation>
            <numerusform>%n contenedor en riesgo: LFD en los próximos 2 días</numerusform>
            <numerusform>%n contenedores en riesgo: LFD en los próximos 2 días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n vencido</numerusform>
            <numerusform>%n vencidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataSourcesPage</name>
    <message>
        <source>Data sources</source>
        <translation>Fuentes de datos</translation>
    </message>
    <message>
        <source>Search providers (Ctrl+F)</source>
        <translation>Buscar proveedores (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search providers</source>
        <translation>Buscar proveedores</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Desconectar %1</translation>
    </message>
    <message>
        <source>Are you sure you want to disconnect %1 for entity %2?

Future data synchronization stops and the saved credentials are removed from the keychain. History is kept: containers and events stay, and you can reconnect at any time.</source>
        <translation>¿Seguro que quiere desconectar %1 de la entidad %2?

Se detiene la sincronización de datos y las credenciales guardadas se eliminan del llavero. El historial se conserva: los contenedores y los eventos se mantienen, y puede volver a conectar en cualquier momento.</translation>
    </message>
    <message>
        <source>Disconnect failed</source>
        <translation>La desconexión falló</translation>
    </message>
    <message>
        <source>Add webhook destination...</source>
        <translation>Añadir destino webhook...</translation>
    </message>
    <message>
        <source>Cannot read the outbound queues: %1</source>
        <translation>No se pueden leer las colas de salida: %1</translation>
    </message>
    <message>
        <source>Retry dead letters</source>
        <translation>Reintentar mensajes fallidos</translation>
    </message>
    <message numerus="yes">
        <source>Send %n dead letters to %1 again?</source>
        <translation>
            <numerusform>¿Enviar de nuevo %n mensaje fallido a %1?</numerusform>
            <numerusform>¿Enviar de nuevo %n mensajes fallidos a %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>El reintento falló</translation>
    </message>
    <message>
        <source>Resume failed</source>
        <translation>No se pudo reanudar</translation>
    </message>
    <message>
        <source>Test passed: %1</source>
        <translation>Prueba superada: %1</translation>
    </message>
    <message>
        <source>Test failed: %1</source>
        <translation>Prueba fallida: %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Remove the webhook destination %1 of entity %2?

Its queued and sent messages are deleted and its signing secret is removed from the keychain. The receiver gets no more updates.</source>
        <translation>¿Eliminar el destino webhook %1 de la entidad %2?

Se borran sus mensajes en cola y enviados y su secreto de firma se elimina del llavero. El receptor no recibirá más actualizaciones.</translation>
    </message>
    <message>
        <source>Remove failed</source>
        <translation>No se pudo eliminar</translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <source>No keychain is available (%1). The demo keeps its password in memory only and will not save it.</source>
        <translation>No hay ningún llavero disponible (%1). La demostración guarda la contraseña solo en memoria y no la almacenará.</translation>
    </message>
</context>
<context>
    <name>DestinationCard</name>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Signed webhook: Quaywatch sends container changes here</source>
        <translation>Webhook firmado: Quaywatch envía aquí los cambios de los contenedores</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Dirección: %1</translation>
    </message>
    <message>
        <source>Events: all</source>
        <translation>Eventos: todos</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Eventos: %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
</context>
<context>
    <name>EntitySwitcher</name>
    <message>
        <source>&amp;Entity:</source>
        <translation>&amp;Entidad:</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entidad</translation>
    </message>
    <message>
        <source>Connections belong to an entity (company); switch to work as another entity.</source>
        <translation>Las conexiones pertenecen a una entidad (empresa); cambie para trabajar como otra entidad.</translation>
    </message>
    <message>
        <source>New entity...</source>
        <translation>Nueva entidad...</translation>
    </message>
    <message>
        <source>New entity</source>
        <translation>Nueva entidad</translation>
    </message>
    <message>
        <source>Entity (company) name:</source>
        <translation>Nombre de la entidad (empresa):</translation>
    </message>
</context>
<context>
    <name>EventTimelineModel</name>
    <message>
        <source>observed %1</source>
        <translation>observado %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Provider code</source>
        <translation>Código del proveedor</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Hold added</source>
        <translation>Retención añadida</translation>
    </message>
    <message>
        <source>Hold released</source>
        <translation>Retención liberada</translation>
    </message>
    <message>
        <source>%1 hold added</source>
        <translation>Retención %1 añadida</translation>
    </message>
    <message>
        <source>%1 hold released</source>
        <translation>Retención %1 liberada</translation>
    </message>
    <message>
        <source>Terminal LFD</source>
        <translation>LFD de la terminal</translation>
    </message>
    <message>
        <source>Line LFD</source>
        <translation>LFD de la naviera</translation>
    </message>
    <message>
        <source>LFD</source>
        <translation>LFD</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 cambiado</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 fijado en %2</translation>
    </message>
    <message>
        <source>%1 changed %2 → %3</source>
        <translation>%1 cambiado %2 → %3</translation>
    </message>
    <message>
        <source>trucker %1</source>
        <translation>transportista %1</translation>
    </message>
    <message>
        <source>chassis %1</source>
        <translation>chasis %1</translation>
    </message>
    <message>
        <source>Picked up (out-gated)</source>
        <translation>Retirado (salida)</translation>
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
        <translation>ETA del buque</translation>
    </message>
    <message>
        <source>Vessel arrived</source>
        <translation>Buque llegado</translation>
    </message>
    <message>
        <source>Discharged from the vessel</source>
        <translation>Descargado del buque</translation>
    </message>
    <message>
        <source>Available for pickup</source>
        <translation>Disponible para retirar</translation>
    </message>
    <message>
        <source>Not available for pickup</source>
        <translation>No disponible para retirar</translation>
    </message>
    <message>
        <source>Released by the terminal</source>
        <translation>Liberado por la terminal</translation>
    </message>
    <message>
        <source>Pickup appointment</source>
        <translation>Cita de retiro</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Vacío devuelto</translation>
    </message>
    <message>
        <source>Gated in</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Loaded on a vessel</source>
        <translation>Cargado en un buque</translation>
    </message>
    <message>
        <source>Not found at the terminal</source>
        <translation>No encontrado en la terminal</translation>
    </message>
    <message>
        <source>Provider event: %1</source>
        <translation>Evento del proveedor: %1</translation>
    </message>
    <message>
        <source>Observed %1</source>
        <translation>Observado %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The whole watchlist</source>
        <translation>Toda la lista de seguimiento</translation>
    </message>
    <message>
        <source>For Excel (UTF-8 byte order mark)</source>
        <translation>Para Excel (marca de orden de bytes UTF-8)</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Exportar un informe</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected container(s)</source>
        <translation>
            <numerusform>El %n contenedor seleccionado</numerusform>
            <numerusform>Los %n contenedores seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Informe:</translation>
    </message>
    <message>
        <source>Containers:</source>
        <translation>Contenedores:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Columns in reading order with their names; times in each site&apos;s time zone with the UTC offset. The command line&apos;s --format json keeps the machine names.</source>
        <translation>Columnas en orden de lectura con sus nombres; horas en la zona horaria de cada terminal con el desfase UTC. Con --format json en la línea de comandos se conservan los nombres técnicos.</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Lista de seguimiento</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Retenciones</translation>
    </message>
    <message>
        <source>Last free days</source>
        <translation>Últimos días libres</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the file to write the report to.</source>
        <translation>Elija el archivo en el que se escribirá el informe.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n row(s) written</source>
        <translation>
            <numerusform>Exportando… %n fila escrita</numerusform>
            <numerusform>Exportando… %n filas escritas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n fila exportada a %1</numerusform>
            <numerusform>%n filas exportadas a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (TMS layout)</source>
        <translation>%1 (formato TMS)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importar hoja de cálculo</translation>
    </message>
    <message>
        <source>(from the file)</source>
        <translation>(del archivo)</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>sin fila de encabezado</translation>
    </message>
    <message>
        <source>The file row that names the columns</source>
        <translation>La fila del archivo que nombra las columnas</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Default provider:</source>
        <translation>Proveedor predeterminado:</translation>
    </message>
    <message>
        <source>Default site:</source>
        <translation>Terminal predeterminada:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Fila de encabezado:</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(ignorar)</translation>
    </message>
    <message>
        <source>Container number</source>
        <translation>Número de contenedor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Bill of lading</source>
        <translation>Conocimiento de embarque</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Provider data field</source>
        <translation>Campo de datos del proveedor</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>No se puede importar %1: %2</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Importar %1</translation>
    </message>
    <message>
        <source>Use as</source>
        <translation>Usar como</translation>
    </message>
    <message>
        <source>Data field</source>
        <translation>Campo de datos</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) to import</source>
        <translation>
            <numerusform>%n contenedor para importar</numerusform>
            <numerusform>%n contenedores para importar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n repeated row(s) skipped</source>
        <translation>
            <numerusform>, %n fila repetida omitida</numerusform>
            <numerusform>, %n filas repetidas omitidas</numerusform>
        </translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>fila %1: %2</translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation>Proveedor predeterminado</translation>
    </message>
    <message>
        <source>Default site</source>
        <translation>Terminal predeterminada</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Fila de encabezado</translation>
    </message>
    <message>
        <source>Preview of the file</source>
        <translation>Vista previa del archivo</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Filas rechazadas</translation>
    </message>
    <message>
        <source>Use column %1 as</source>
        <translation>Usar la columna %1 como</translation>
    </message>
    <message>
        <source>Data field of column %1</source>
        <translation>Campo de datos de la columna %1</translation>
    </message>
    <message>
        <source>data field</source>
        <translation>campo de datos</translation>
    </message>
    <message numerus="yes">
        <source>, %n row(s) rejected (listed below)</source>
        <translation>
            <numerusform>, %n fila rechazada (se indica abajo)</numerusform>
            <numerusform>, %n filas rechazadas (se indican abajo)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveConnections</name>
    <message>
        <source>%1 is not synced: cannot read its credentials from the keychain (%2).</source>
        <translation>%1 no se sincroniza: no se pueden leer sus credenciales del llavero (%2).</translation>
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
        <translation>Sincronizando %v de %m</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>Notificaciones (%1)</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Cannot add containers: %1</source>
        <translation>No se pueden añadir contenedores: %1</translation>
    </message>
    <message>
        <source>Added %1 new container(s); %2 were already on the watchlist</source>
        <translation>Contenedores nuevos añadidos: %1; ya estaban en la lista de seguimiento: %2</translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>Importar hoja de cálculo…</translation>
    </message>
    <message>
        <source>Import spreadsheet</source>
        <translation>Importar hoja de cálculo</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Hojas de cálculo (*.csv *.txt *.xlsx *.xlsm);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>No se puede importar %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 already on the watchlist, %4 rejected</source>
        <translation>%1 importado: %2 añadidos, %3 ya en la lista de seguimiento, %4 rechazados</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>fila %1: %2</translation>
    </message>
    <message>
        <source>These rows were not imported:</source>
        <translation>Estas filas no se importaron:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>Filter the watchlist (on Data sources: search providers)</source>
        <translation>Filtrar la lista de seguimiento (en Fuentes de datos: buscar proveedores)</translation>
    </message>
    <message>
        <source>Add containers</source>
        <translation>Añadir contenedores</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importar una hoja de cálculo</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Export a report</source>
        <translation>Exportar un informe</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Ir a %1</translation>
    </message>
    <message>
        <source>last cycle %1</source>
        <translation>último ciclo %1</translation>
    </message>
    <message>
        <source>no cycle yet</source>
        <translation>ningún ciclo aún</translation>
    </message>
    <message>
        <source>%1 (pid %2, view-only console)</source>
        <translation>%1 (pid %2, consola de solo lectura)</translation>
    </message>
    <message>
        <source>%1 (pid %2, %3)</source>
        <translation>%1 (pid %2, %3)</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>Solo lectura</translation>
    </message>
    <message numerus="yes">
        <source>Workers: %n active</source>
        <translation>
            <numerusform>Procesos: %n activo</numerusform>
            <numerusform>Procesos: %n activos</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Filas no importadas</translation>
    </message>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copiar filas</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <source>Container:</source>
        <translation>Contenedor:</translation>
    </message>
    <message>
        <source>Source property</source>
        <translation>Propiedad de origen</translation>
    </message>
    <message>
        <source>Normalized property</source>
        <translation>Propiedad normalizada</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Raw value</source>
        <translation>Valor original</translation>
    </message>
    <message>
        <source>Mapped value</source>
        <translation>Valor asignado</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>Tracking property</source>
        <translation>Propiedad de seguimiento</translation>
    </message>
    <message>
        <source>Choose a container to see its live values.</source>
        <translation>Elija un contenedor para ver sus valores actuales.</translation>
    </message>
    <message>
        <source>%1 is not on the watchlist for this provider.</source>
        <translation>%1 no está en la lista de seguimiento de este proveedor.</translation>
    </message>
    <message>
        <source>Cannot read the events of %1: %2</source>
        <translation>No se pueden leer los eventos de %1: %2</translation>
    </message>
    <message>
        <source>No provider payload stored for %1 yet.</source>
        <translation>Todavía no hay datos del proveedor guardados para %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>The rows below are the ones the mapper of %1 runs, in order.</source>
        <translation>Las filas de abajo son las que ejecuta el mapeador de %1, en orden.</translation>
    </message>
    <message>
        <source>Raw payloads of %1: %2</source>
        <translation>Datos originales de %1: %2</translation>
    </message>
    <message>
        <source>%1 field</source>
        <translation>Campo de %1</translation>
    </message>
    <message>
        <source>%1 value</source>
        <translation>Valor de %1</translation>
    </message>
    <message>
        <source>The %1 mapping below applies to every provider.</source>
        <translation>La correspondencia de %1 de abajo se aplica a todos los proveedores.</translation>
    </message>
    <message>
        <source>This provider has no mapping table on this screen yet.</source>
        <translation>Este proveedor aún no tiene tabla de correspondencias en esta pantalla.</translation>
    </message>
    <message>
        <source>The rows below are the ones the mapper of %1 runs, in order. Its data arrives by callback, so no live values are shown.</source>
        <translation>Las filas de abajo son las que ejecuta el mapeador de %1, en orden. Sus datos llegan por callback, así que no se muestran valores actuales.</translation>
    </message>
</context>
<context>
    <name>MappingRules</name>
    <message>
        <source>created when the terminal says available; data.arrived is empty</source>
        <translation>se crea cuando la terminal indica disponible; data.arrived está vacío</translation>
    </message>
    <message>
        <source>data.grounded is the discharge time (the event&apos;s date is the trace day)</source>
        <translation>data.grounded es la hora de descarga (la fecha del evento es el día del rastreo)</translation>
    </message>
    <message>
        <source>data.lfd (YYYYMMDD) is the terminal&apos;s last free day</source>
        <translation>data.lfd (YYYYMMDD) es el LFD de la terminal</translation>
    </message>
    <message>
        <source>no hold is left; with no hold event the holds are cleared</source>
        <translation>no queda ninguna retención; sin evento hold se borran las retenciones</translation>
    </message>
    <message>
        <source>data.outgated is the gate-out time (else the event date), data.outgate_scac the trucker</source>
        <translation>data.outgated es la hora de salida (si no, la fecha del evento), data.outgate_scac el transportista</translation>
    </message>
    <message>
        <source>one per hold: holdType is the kind, data.code the hold id</source>
        <translation>una por retención: holdType es el tipo, data.code el id de la retención</translation>
    </message>
    <message>
        <source>TRACE_RESULT events</source>
        <translation>Eventos TRACE_RESULT</translation>
    </message>
    <message>
        <source>the container record became live in PortConnect</source>
        <translation>el registro del contenedor quedó activo en PortConnect</translation>
    </message>
    <message>
        <source>discharged and fully released: available</source>
        <translation>descargado y liberado por completo: disponible</translation>
    </message>
    <message>
        <source>the availability advice was cancelled: not available again</source>
        <translation>el aviso de disponibilidad se canceló: de nuevo no disponible</translation>
    </message>
    <message>
        <source>the booking does not match the pre-advice or gate-in (values kept)</source>
        <translation>la reserva no coincide con el preaviso o la entrada (valores conservados)</translation>
    </message>
    <message>
        <source>export customs release (CEDO); value 1 is the export release number</source>
        <translation>liberación aduanera de exportación (CEDO); value 1 es el número de liberación de exportación</translation>
    </message>
    <message>
        <source>the CEDO was revoked: the export hold is back</source>
        <translation>se revocó el CEDO: la retención de exportación vuelve a aplicarse</translation>
    </message>
    <message>
        <source>fully cleared</source>
        <translation>despachado por completo</translation>
    </message>
    <message>
        <source>the clearance was cancelled: not cleared again</source>
        <translation>el despacho se canceló: de nuevo sin despachar</translation>
    </message>
    <message>
        <source>customs released the container</source>
        <translation>la aduana liberó el contenedor</translation>
    </message>
    <message>
        <source>the customs release was cancelled: the customs hold is back</source>
        <translation>la liberación aduanera se canceló: la retención de aduana vuelve a aplicarse</translation>
    </message>
    <message>
        <source>discharged from the vessel at the event time; values: vessel name, voyage</source>
        <translation>descargado del buque a la hora del evento; valores: nombre del buque, viaje</translation>
    </message>
    <message>
        <source>discharged but not cleared (from the name; the table row is not stored)</source>
        <translation>descargado pero sin despachar (según el nombre; la fila de la tabla no está guardada)</translation>
    </message>
    <message>
        <source>CEDO in place and no other stops</source>
        <translation>CEDO vigente y ninguna otra retención</translation>
    </message>
    <message>
        <source>the export clearance was cancelled</source>
        <translation>el despacho de exportación se canceló</translation>
    </message>
    <message>
        <source>entered the facility (values: transport mode, truck id); at an empty depot the empty return</source>
        <translation>entró en la instalación (valores: modo de transporte, id del camión); en un depósito de vacíos, la devolución del vacío</translation>
    </message>
    <message>
        <source>left the facility (values: transport mode, truck id)</source>
        <translation>salió de la instalación (valores: modo de transporte, id del camión)</translation>
    </message>
    <message>
        <source>the hazardous cargo gate-in rule applies</source>
        <translation>se aplica la regla de entrada para carga peligrosa</translation>
    </message>
    <message>
        <source>the last free time (value 1) changed; its date in NZ time is the terminal LFD</source>
        <translation>cambió el último tiempo libre (value 1); su fecha en hora de NZ es el LFD de la terminal</translation>
    </message>
    <message>
        <source>the last free time (value 1) has passed</source>
        <translation>el último tiempo libre (value 1) ha vencido</translation>
    </message>
    <message>
        <source>the last free time (value 1) is within 24 hours</source>
        <translation>el último tiempo libre (value 1) vence en menos de 24 horas</translation>
    </message>
    <message>
        <source>loaded onto the vessel</source>
        <translation>cargado en el buque</translation>
    </message>
    <message>
        <source>the line operator released the container</source>
        <translation>la naviera liberó el contenedor</translation>
    </message>
    <message>
        <source>the line release was cancelled: the line hold is back</source>
        <translation>la liberación de la naviera se canceló: la retención de la naviera vuelve a aplicarse</translation>
    </message>
    <message>
        <source>biosecurity (MPI) released the container</source>
        <translation>bioseguridad (MPI) liberó el contenedor</translation>
    </message>
    <message>
        <source>the MPI release was cancelled: the biosecurity hold is back</source>
        <translation>la liberación del MPI se canceló: la retención de bioseguridad vuelve a aplicarse</translation>
    </message>
    <message>
        <source>no CEDO (export release) yet (from the name)</source>
        <translation>todavía sin CEDO (liberación de exportación) (según el nombre)</translation>
    </message>
    <message>
        <source>the pickup PIN is available (from the name)</source>
        <translation>el PIN de retiro está disponible (según el nombre)</translation>
    </message>
    <message>
        <source>the pickup PIN is suspended (from the name)</source>
        <translation>el PIN de retiro está suspendido (según el nombre)</translation>
    </message>
    <message>
        <source>priority gate-in (from the name; not a gate move)</source>
        <translation>entrada prioritaria (según el nombre; no es un movimiento por la puerta)</translation>
    </message>
    <message>
        <source>the VBS booking changed; value 1 read as the slot time</source>
        <translation>cambió la reserva del VBS; value 1 se lee como la hora de la franja</translation>
    </message>
    <message>
        <source>the vessel&apos;s arrival time</source>
        <translation>la hora de llegada del buque</translation>
    </message>
    <message>
        <source>the vessel departed</source>
        <translation>el buque zarpó</translation>
    </message>
    <message>
        <source>Visit event callbacks</source>
        <translation>Callbacks de eventos de visita</translation>
    </message>
    <message>
        <source>PortPro load update (assumed JSON names: the documents name none)</source>
        <translation>Actualización de load de PortPro (nombres JSON supuestos: los documentos no indican ninguno)</translation>
    </message>
    <message>
        <source>Upper case; identifies the container</source>
        <translation>En mayúsculas; identifica el contenedor</translation>
    </message>
    <message>
        <source>name = the site id sent; type = Terminal</source>
        <translation>name = el id de sitio enviado; type = Terminal</translation>
    </message>
    <message>
        <source>1 (&quot;No record found&quot;) -&gt; NOT_FOUND; nothing else is read</source>
        <translation>1 (&quot;No record found&quot;) -&gt; NOT_FOUND; no se lee nada más</translation>
    </message>
    <message>
        <source>&quot;Yes&quot; -&gt; true (event Arrived), &quot;No&quot; -&gt; false</source>
        <translation>&quot;Yes&quot; -&gt; true (evento Arrived), &quot;No&quot; -&gt; false</translation>
    </message>
    <message>
        <source>Site local time -&gt; UTC (event Grounded)</source>
        <translation>Hora local del sitio -&gt; UTC (evento Grounded)</translation>
    </message>
    <message>
        <source>yyyyMMdd; recorded also while holds exist (event Lfd)</source>
        <translation>yyyyMMdd; se registra también mientras haya retenciones (evento Lfd)</translation>
    </message>
    <message>
        <source>CTF Hold -&gt; CTF, Custom(s) Hold -&gt; CUSTOMS, Demurrage Hold -&gt; DEMURRAGE, Line Hold -&gt; LINE, TMF Hold -&gt; TMF, else OTHER; provider text kept (event Hold)</source>
        <translation>CTF Hold -&gt; CTF, Custom(s) Hold -&gt; CUSTOMS, Demurrage Hold -&gt; DEMURRAGE, Line Hold -&gt; LINE, TMF Hold -&gt; TMF, si no OTHER; se conserva el texto del proveedor (evento Hold)</translation>
    </message>
    <message>
        <source>When last_free_day has a date and hold_information is empty (event Released, data.lfd)</source>
        <translation>Cuando last_free_day tiene una fecha y hold_information está vacío (evento Released, data.lfd)</translation>
    </message>
    <message>
        <source>Number (the provider&apos;s spelling)</source>
        <translation>Número (con la ortografía del proveedor)</translation>
    </message>
    <message>
        <source>Yard position; lot Yard when a position is given</source>
        <translation>Posición en el patio; lote Yard cuando se indica una posición</translation>
    </message>
    <message>
        <source>As given</source>
        <translation>Tal como se indica</translation>
    </message>
    <message>
        <source>Number, also when sent as text</source>
        <translation>Número, también cuando se envía como texto</translation>
    </message>
    <message>
        <source>&quot;Yes&quot; -&gt; true, &quot;No&quot; -&gt; false</source>
        <translation>&quot;Yes&quot; -&gt; true, &quot;No&quot; -&gt; false</translation>
    </message>
    <message>
        <source>As given; empty means not reported</source>
        <translation>Tal como se indica; vacío significa no informado</translation>
    </message>
    <message>
        <source>&quot;Full Out&quot; of the current visit; site local time -&gt; UTC (event Outgated)</source>
        <translation>&quot;Full Out&quot; de la visita actual; hora local del sitio -&gt; UTC (evento Outgated)</translation>
    </message>
    <message>
        <source>From the &quot;Full Out&quot; move</source>
        <translation>Del movimiento &quot;Full Out&quot;</translation>
    </message>
    <message>
        <source>&quot;Empty In&quot; after this visit&apos;s &quot;Full Out&quot;; site local time -&gt; UTC (event EmptyIn)</source>
        <translation>&quot;Empty In&quot; tras el &quot;Full Out&quot; de esta visita; hora local del sitio -&gt; UTC (evento EmptyIn)</translation>
    </message>
    <message>
        <source>UTC time</source>
        <translation>Hora UTC</translation>
    </message>
    <message>
        <source>UTC time; once the vessel has arrived it replaces the ETA</source>
        <translation>Hora UTC; cuando el buque ha llegado, sustituye a la ETA</translation>
    </message>
    <message>
        <source>The earlier of the two dates</source>
        <translation>La anterior de las dos fechas</translation>
    </message>
    <message>
        <source>UTC time of the empty return</source>
        <translation>Hora UTC de la devolución del vacío</translation>
    </message>
    <message>
        <source>As reported at the outgate</source>
        <translation>Tal como se informó en la salida</translation>
    </message>
    <message>
        <source>Every current hold except customs, by the provider&apos;s own text; empty: none</source>
        <translation>Toda retención actual salvo la de aduana, con el texto propio del proveedor; vacío: ninguna</translation>
    </message>
    <message>
        <source>Current customs holds, by the provider&apos;s own text; empty: none</source>
        <translation>Retenciones de aduana actuales, con el texto propio del proveedor; vacío: ninguna</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(no se envía)</translation>
    </message>
</context>
<context>
    <name>NewSubscriptionDialog</name>
    <message>
        <source>v&amp;1 (one event type)</source>
        <translation>v&amp;1 (un tipo de evento)</translation>
    </message>
    <message>
        <source>v&amp;2 (several event types or all)</source>
        <translation>v&amp;2 (varios tipos de evento o todos)</translation>
    </message>
    <message>
        <source>These are &amp;booking numbers</source>
        <translation>Son números de r&amp;eserva</translation>
    </message>
    <message>
        <source>&amp;All event types</source>
        <translation>&amp;Todos los tipos de evento</translation>
    </message>
    <message>
        <source>&amp;Webhook</source>
        <translation>&amp;Webhook</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>Correo e&amp;lectrónico</translation>
    </message>
    <message>
        <source>Type or paste container or booking numbers, one per line or separated by commas. More than 10 are sent in several requests.</source>
        <translation>Escriba o pegue números de contenedor o de reserva, uno por línea o separados por comas. Si hay más de 10, se envían en varias solicitudes.</translation>
    </message>
    <message>
        <source>Only with GATEIN or GATEOUT and one port</source>
        <translation>Solo con GATEIN o GATEOUT y un único puerto</translation>
    </message>
    <message>
        <source>At most %1 characters</source>
        <translation>Como máximo %1 caracteres</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>API version:</source>
        <translation>Versión de la API:</translation>
    </message>
    <message>
        <source>&amp;Numbers:</source>
        <translation>&amp;Números:</translation>
    </message>
    <message>
        <source>Event types:</source>
        <translation>Tipos de evento:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>&amp;Facility:</source>
        <translation>&amp;Instalación:</translation>
    </message>
    <message>
        <source>Callbacks:</source>
        <translation>Avisos:</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <source>&amp;Subscribe</source>
        <translation>&amp;Suscribir</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Tipos de evento</translation>
    </message>
    <message>
        <source>Webhook URI</source>
        <translation>URI del webhook</translation>
    </message>
    <message>
        <source>Token the callbacks must carry</source>
        <translation>Token que deben incluir los avisos</translation>
    </message>
    <message>
        <source>Webhook token</source>
        <translation>Token del webhook</translation>
    </message>
    <message>
        <source>ops@example.com, planner@example.com</source>
        <translation>ops@example.com, planner@example.com</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>Direcciones de correo electrónico</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>&amp;Direcciones:</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>New %1 subscription</source>
        <translation>Nueva suscripción de %1</translation>
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
        <translation>Retención liberada</translation>
    </message>
    <message>
        <source>Available for pickup</source>
        <translation>Disponible para retirar</translation>
    </message>
    <message>
        <source>Last free day tomorrow</source>
        <translation>Último día libre mañana</translation>
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
            <numerusform>… y %n más en Quaywatch</numerusform>
            <numerusform>… y %n más en Quaywatch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container update(s)</source>
        <translation>
            <numerusform>%n actualización de contenedor</numerusform>
            <numerusform>%n actualizaciones de contenedores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationDetector</name>
    <message>
        <source>%1: %2 hold released</source>
        <translation>%1: retención %2 liberada</translation>
    </message>
    <message>
        <source>%1 is available for pickup</source>
        <translation>%1 está disponible para retirar</translation>
    </message>
    <message>
        <source>%1: last free day is tomorrow (%2)</source>
        <translation>%1: el último día libre es mañana (%2)</translation>
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
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Holds released, containers available and LFDs tomorrow appear here.</source>
        <translation>Aquí aparecen las retenciones liberadas, los contenedores disponibles y los últimos días libres de mañana.</translation>
    </message>
</context>
<context>
    <name>OutboxStatusView</name>
    <message>
        <source>Retry dead letters</source>
        <translation>Reintentar mensajes fallidos</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Last delivery: %1</source>
        <translation>Última entrega: %1</translation>
    </message>
    <message>
        <source>Last delivery: none yet</source>
        <translation>Última entrega: ninguna aún</translation>
    </message>
    <message>
        <source>Queue: %1 · Dead letters: %2</source>
        <translation>Cola: %1 · Fallidos: %2</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Detenido: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>Lista de seguimiento</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Fuentes de datos</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>Correspondencia</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
</context>
<context>
    <name>PortProSender</name>
    <message>
        <source>%1 is not a PortPro field Quaywatch maps</source>
        <translation>%1 no es un campo de PortPro que Quaywatch asigne</translation>
    </message>
    <message>
        <source>the message carries no PortPro field</source>
        <translation>el mensaje no lleva ningún campo de PortPro</translation>
    </message>
    <message>
        <source>PortPro issued an access token for the client credentials</source>
        <translation>PortPro emitió un token de acceso para las credenciales del cliente</translation>
    </message>
    <message>
        <source>PortPro refused the refresh token: it was revoked. Connect PortPro again (Data sources &gt; PortPro) with its clientId and clientSecret to resume sending.</source>
        <translation>PortPro rechazó el token de actualización: fue revocado. Conecte PortPro de nuevo (Fuentes de datos &gt; PortPro) con su clientId y clientSecret para reanudar el envío.</translation>
    </message>
    <message>
        <source>PortPro refused the client credentials (HTTP %1%2). Check clientId and clientSecret.</source>
        <translation>PortPro rechazó las credenciales del cliente (HTTP %1%2). Compruebe clientId y clientSecret.</translation>
    </message>
    <message>
        <source>PortPro&apos;s token endpoint could not be reached: %1</source>
        <translation>No se pudo contactar con el servicio de tokens de PortPro: %1</translation>
    </message>
    <message>
        <source>PortPro&apos;s token endpoint answered HTTP %1</source>
        <translation>El servicio de tokens de PortPro respondió HTTP %1</translation>
    </message>
    <message>
        <source>the load lookup</source>
        <translation>la búsqueda de la carga</translation>
    </message>
    <message>
        <source>no PortPro load carries %1</source>
        <translation>ninguna carga de PortPro lleva %1</translation>
    </message>
    <message>
        <source>the load update</source>
        <translation>la actualización de la carga</translation>
    </message>
    <message>
        <source>PortPro refused a fresh access token (HTTP 401)</source>
        <translation>PortPro rechazó un token de acceso nuevo (HTTP 401)</translation>
    </message>
</context>
<context>
    <name>ProviderCard</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Authentication: %1</source>
        <translation>Autenticación: %1</translation>
    </message>
    <message>
        <source>Data sync not available yet</source>
        <translation>Sincronización de datos aún no disponible</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Username/Password</source>
        <translation>Usuario/contraseña</translation>
    </message>
    <message>
        <source>UUID/Token</source>
        <translation>UUID/token</translation>
    </message>
    <message>
        <source>OAuth 2 (client credentials) + subscription key</source>
        <translation>OAuth 2 (credenciales de cliente) + clave de suscripción</translation>
    </message>
    <message>
        <source>OAuth 2 (password grant) + API key</source>
        <translation>OAuth 2 (concesión por contraseña) + clave de API</translation>
    </message>
    <message>
        <source>Client ID/Secret</source>
        <translation>ID/secreto de cliente</translation>
    </message>
    <message>
        <source>Key/Secret</source>
        <translation>Clave/secreto</translation>
    </message>
    <message>
        <source>API key + sender + signature</source>
        <translation>Clave de API + remitente + firma</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Authorization + SID</source>
        <translation>Autorización + SID</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Clave de suscripción</translation>
    </message>
    <message>
        <source>Account + user + password + fleet code</source>
        <translation>Cuenta + usuario + contraseña + código de flota</translation>
    </message>
    <message>
        <source>None (no credentials needed)</source>
        <translation>Ninguna (no se necesitan credenciales)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Credentials saved; not verified (no verification API documented).</source>
        <translation>Credenciales guardadas; sin verificar (no hay API de verificación documentada).</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>No conectado</translation>
    </message>
    <message>
        <source>Connected as: %1</source>
        <translation>Conectado como: %1</translation>
    </message>
    <message>
        <source>Last verification: %1 · Last sync: %2</source>
        <translation>Última verificación: %1 · Última sincronización: %2</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Saved account: %1 (not working)</source>
        <translation>Cuenta guardada: %1 (no funciona)</translation>
    </message>
    <message>
        <source>Outbound: Quaywatch sends container changes here</source>
        <translation>Salida: Quaywatch envía aquí los cambios de los contenedores</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>The provider asked to wait: next attempt %1</source>
        <translation>El proveedor pidió esperar: próximo intento %1</translation>
    </message>
</context>
<context>
    <name>ProviderCatalog</name>
    <message>
        <source>Terminal not connecting</source>
        <translation>La terminal no se conecta</translation>
    </message>
    <message>
        <source>Credentials were saved, but the connection still shows Not Connected.</source>
        <translation>Las credenciales se guardaron, pero la conexión sigue mostrando No conectado.</translation>
    </message>
    <message>
        <source>Incorrect username or password</source>
        <translation>Usuario o contraseña incorrectos</translation>
    </message>
    <message>
        <source>Terminal account not yet activated for API access</source>
        <translation>La cuenta de la terminal aún no está activada para el acceso a la API</translation>
    </message>
    <message>
        <source>IP address not whitelisted by the terminal</source>
        <translation>La terminal no ha autorizado la dirección IP</translation>
    </message>
    <message>
        <source>Terminal API temporarily unavailable</source>
        <translation>API de la terminal temporalmente no disponible</translation>
    </message>
    <message>
        <source>Log in to the terminal&apos;s website with the same credentials; check for extra spaces and correct case.</source>
        <translation>Inicie sesión en el sitio web de la terminal con las mismas credenciales; compruebe que no haya espacios de más y que las mayúsculas sean correctas.</translation>
    </message>
    <message>
        <source>Ask terminal support to confirm API access is enabled; some terminals approve it manually.</source>
        <translation>Pida al soporte de la terminal que confirme que el acceso a la API está habilitado; algunas terminales lo aprueban manualmente.</translation>
    </message>
    <message>
        <source>Ask terminal support whether your IP address needs whitelisting.</source>
        <translation>Pregunte al soporte de la terminal si su dirección IP debe autorizarse.</translation>
    </message>
    <message>
        <source>Wait 10-15 minutes and verify again; some terminals activate with a delay.</source>
        <translation>Espere 10-15 minutos y vuelva a verificar; algunas terminales activan el acceso con retraso.</translation>
    </message>
    <message>
        <source>If it still fails after 24 hours, contact support with the terminal name, your terminal username and the error message.</source>
        <translation>Si sigue fallando después de 24 horas, contacte con soporte indicando el nombre de la terminal, su usuario en la terminal y el mensaje de error.</translation>
    </message>
    <message>
        <source>Credentials won&apos;t save</source>
        <translation>Las credenciales no se guardan</translation>
    </message>
    <message>
        <source>Saving the connection fails or shows an error.</source>
        <translation>Guardar la conexión falla o muestra un error.</translation>
    </message>
    <message>
        <source>Required fields are empty</source>
        <translation>Hay campos obligatorios vacíos</translation>
    </message>
    <message>
        <source>Network connectivity issue</source>
        <translation>Problema de conexión de red</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>La sesión caducó</translation>
    </message>
    <message>
        <source>Fill in every required field (marked with an asterisk) and remove spaces before or after the values.</source>
        <translation>Rellene todos los campos obligatorios (marcados con un asterisco) y quite los espacios antes o después de los valores.</translation>
    </message>
    <message>
        <source>Check the network connection and try again in a few moments.</source>
        <translation>Compruebe la conexión de red y vuelva a intentarlo en unos momentos.</translation>
    </message>
    <message>
        <source>If it keeps failing, contact support with the error message.</source>
        <translation>Si sigue fallando, contacte con soporte indicando el mensaje de error.</translation>
    </message>
    <message>
        <source>Extended permissions not working (ECT)</source>
        <translation>Los permisos ampliados no funcionan (ECT)</translation>
    </message>
    <message>
        <source>Extended Permissions is ticked, but data access is still limited.</source>
        <translation>Permisos ampliados está marcado, pero el acceso a los datos sigue limitado.</translation>
    </message>
    <message>
        <source>ECT requires separate approval for extended API permissions</source>
        <translation>ECT exige una aprobación aparte para los permisos ampliados de la API</translation>
    </message>
    <message>
        <source>Ask ECT customer support for extended API permissions, giving your ECT account details and subscription ID.</source>
        <translation>Solicite al servicio de atención al cliente de ECT los permisos ampliados de la API, indicando los datos de su cuenta de ECT y el ID de suscripción.</translation>
    </message>
    <message>
        <source>Wait for ECT&apos;s confirmation (it may take 1-3 business days).</source>
        <translation>Espere la confirmación de ECT (puede tardar de 1 a 3 días hábiles).</translation>
    </message>
    <message>
        <source>Then reconnect ECT MyTerminal with Extended Permissions ticked.</source>
        <translation>Después vuelva a conectar ECT MyTerminal con Permisos ampliados marcado.</translation>
    </message>
    <message>
        <source>If extended data is still missing after 24 hours, contact support.</source>
        <translation>Si después de 24 horas siguen faltando los datos ampliados, contacte con soporte.</translation>
    </message>
    <message>
        <source>Connection status outdated</source>
        <translation>Estado de la conexión desactualizado</translation>
    </message>
    <message>
        <source>The terminal shows Connected, but data is not updating.</source>
        <translation>La terminal muestra Conectado, pero los datos no se actualizan.</translation>
    </message>
    <message>
        <source>Background sync delayed</source>
        <translation>Sincronización en segundo plano retrasada</translation>
    </message>
    <message>
        <source>Credentials expired</source>
        <translation>Credenciales caducadas</translation>
    </message>
    <message>
        <source>Check whether the terminal password has expired by logging in to the terminal&apos;s portal.</source>
        <translation>Compruebe si la contraseña de la terminal ha caducado iniciando sesión en el portal de la terminal.</translation>
    </message>
    <message>
        <source>Disconnect, wait a few seconds and connect again with the credentials; this forces a new connection and sync.</source>
        <translation>Desconecte, espere unos segundos y vuelva a conectar con las credenciales; así se fuerza una conexión y una sincronización nuevas.</translation>
    </message>
    <message>
        <source>The terminal&apos;s API may be down for maintenance.</source>
        <translation>Puede que la API de la terminal esté fuera de servicio por mantenimiento.</translation>
    </message>
    <message>
        <source>If data is more than 24 hours old, contact support with the terminal name, the last update time and the containers concerned.</source>
        <translation>Si los datos tienen más de 24 horas, contacte con soporte indicando el nombre de la terminal, la hora de la última actualización y los contenedores afectados.</translation>
    </message>
    <message>
        <source>Invalid credentials error</source>
        <translation>Error de credenciales no válidas</translation>
    </message>
    <message>
        <source>The terminal says the credentials are invalid although they look correct.</source>
        <translation>La terminal indica que las credenciales no son válidas aunque parecen correctas.</translation>
    </message>
    <message>
        <source>Password recently changed at the terminal</source>
        <translation>La contraseña se cambió hace poco en la terminal</translation>
    </message>
    <message>
        <source>Account locked after several failed logins</source>
        <translation>Cuenta bloqueada tras varios inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Special characters in the password not entered correctly</source>
        <translation>Los caracteres especiales de la contraseña no se introdujeron correctamente</translation>
    </message>
    <message>
        <source>Terminal account not activated for API use</source>
        <translation>La cuenta de la terminal no está activada para usar la API</translation>
    </message>
    <message>
        <source>Reset the password at the terminal&apos;s portal and enter the new one.</source>
        <translation>Restablezca la contraseña en el portal de la terminal e introduzca la nueva.</translation>
    </message>
    <message>
        <source>Log in to the terminal&apos;s portal to check whether the account is locked; ask terminal support to unlock it.</source>
        <translation>Inicie sesión en el portal de la terminal para comprobar si la cuenta está bloqueada; pida al soporte de la terminal que la desbloquee.</translation>
    </message>
    <message>
        <source>Paste the password instead of typing it; watch special characters (@, #, $) and spaces.</source>
        <translation>Pegue la contraseña en lugar de escribirla; cuidado con los caracteres especiales (@, #, $) y los espacios.</translation>
    </message>
    <message>
        <source>Ask terminal support to confirm API access is enabled.</source>
        <translation>Pida al soporte de la terminal que confirme que el acceso a la API está habilitado.</translation>
    </message>
    <message>
        <source>Pulled from the provider&apos;s API on the tracing schedule</source>
        <translation>Se consulta la API del proveedor según el calendario de rastreo</translation>
    </message>
    <message>
        <source>Subscribed once; the provider calls back with events</source>
        <translation>Suscripción única; el proveedor devuelve los eventos</translation>
    </message>
    <message>
        <source>Published to Envase Connect Data; results arrive by webhook</source>
        <translation>Se publica en Envase Connect Data; los resultados llegan por webhook</translation>
    </message>
    <message>
        <source>Terminal account connection; data API not documented yet</source>
        <translation>Conexión con la cuenta de la terminal; la API de datos aún no está documentada</translation>
    </message>
    <message>
        <source>Europe</source>
        <translation>Europa</translation>
    </message>
    <message>
        <source>Belgium - Antwerp</source>
        <translation>Bélgica - Amberes</translation>
    </message>
    <message>
        <source>Terminal events for PSA (869, 913)</source>
        <translation>Eventos de terminal de PSA (869, 913)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Terminal events for DP World (1700)</source>
        <translation>Eventos de terminal de DP World (1700)</translation>
    </message>
    <message>
        <source>Terminal events for MPET (1742)</source>
        <translation>Eventos de terminal de MPET (1742)</translation>
    </message>
    <message>
        <source>Application UUID</source>
        <translation>UUID de la aplicación</translation>
    </message>
    <message>
        <source>API Token</source>
        <translation>Token de API</translation>
    </message>
    <message>
        <source>Secure container release</source>
        <translation>Liberación segura de contenedores</translation>
    </message>
    <message>
        <source>Netherlands - Rotterdam</source>
        <translation>Países Bajos - Róterdam</translation>
    </message>
    <message>
        <source>Requires paid subscription + extended permissions option</source>
        <translation>Requiere suscripción de pago + la opción de permisos ampliados</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>Subscription Key</source>
        <translation>Clave de suscripción</translation>
    </message>
    <message>
        <source>Extended Permissions</source>
        <translation>Permisos ampliados</translation>
    </message>
    <message>
        <source>Additional Integrations</source>
        <translation>Integraciones adicionales</translation>
    </message>
    <message>
        <source>Certified Pick Up (Antwerp)</source>
        <translation>Certified Pick Up (Amberes)</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>North America</source>
        <translation>Norteamérica</translation>
    </message>
    <message>
        <source>Ports America TOS service: container availability, holds, last free day and gate transactions.</source>
        <translation>Servicio TOS de Ports America: disponibilidad de contenedores, retenciones, último día libre y movimientos de puerta.</translation>
    </message>
    <message>
        <source>Terminal (site id)</source>
        <translation>Terminal (ID de sitio)</translation>
    </message>
    <message>
        <source>Trucking company code</source>
        <translation>Código de la empresa de transporte</translation>
    </message>
    <message>
        <source>Oceania</source>
        <translation>Oceanía</translation>
    </message>
    <message>
        <source>New Zealand container visit event subscriptions (API v1 and v2), callbacks by webhook or e-mail.</source>
        <translation>Suscripciones a eventos de visitas de contenedores en Nueva Zelanda (API v1 y v2), avisos por webhook o correo electrónico.</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>APM Terminals: Los Angeles, Port Elizabeth, Mobile and South Florida (Miami).</source>
        <translation>APM Terminals: Los Ángeles, Port Elizabeth, Mobile y el sur de Florida (Miami).</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>Terminal (location code)</source>
        <translation>Terminal (código de ubicación)</translation>
    </message>
    <message>
        <source>Blount Island terminal, Jacksonville.</source>
        <translation>Terminal de Blount Island, Jacksonville.</translation>
    </message>
    <message>
        <source>User email</source>
        <translation>Correo electrónico del usuario</translation>
    </message>
    <message>
        <source>BNSF Railway intermodal tracing.</source>
        <translation>Rastreo intermodal de BNSF Railway.</translation>
    </message>
    <message>
        <source>CN (Canadian National) rail intermodal tracing.</source>
        <translation>Rastreo intermodal ferroviario de CN (Canadian National).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secreto</translation>
    </message>
    <message>
        <source>Conley Container Terminal, Boston.</source>
        <translation>Conley Container Terminal, Boston.</translation>
    </message>
    <message>
        <source>Eagle Marine Services terminal, Los Angeles.</source>
        <translation>Terminal de Eagle Marine Services, Los Ángeles.</translation>
    </message>
    <message>
        <source>eModal community portal for Virginia, New York / New Jersey, Northwest Seaport Alliance, Los Angeles / Long Beach and Oakland terminals.</source>
        <translation>Portal comunitario eModal para las terminales de Virginia, Nueva York / Nueva Jersey, Northwest Seaport Alliance, Los Ángeles / Long Beach y Oakland.</translation>
    </message>
    <message>
        <source>Sender CD</source>
        <translation>Código de remitente (Sender CD)</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Port Everglades terminal, Florida.</source>
        <translation>Terminal de Port Everglades, Florida.</translation>
    </message>
    <message>
        <source>Florida International Terminal, Port Everglades.</source>
        <translation>Florida International Terminal, Port Everglades.</translation>
    </message>
    <message>
        <source>Asia</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>ICTSI terminals in the Philippines; import containers need the steamship bill of lading.</source>
        <translation>Terminales de ICTSI en Filipinas; los contenedores de importación necesitan el conocimiento de embarque de la naviera.</translation>
    </message>
    <message>
        <source>Subscription ID</source>
        <translation>ID de suscripción</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Clave de suscripción</translation>
    </message>
    <message>
        <source>Steamship bill of lading</source>
        <translation>Conocimiento de embarque de la naviera</translation>
    </message>
    <message>
        <source>International Transportation Service: ITS Long Beach and Husky Tacoma.</source>
        <translation>International Transportation Service: ITS Long Beach y Husky Tacoma.</translation>
    </message>
    <message>
        <source>Long Beach Container Terminal.</source>
        <translation>Long Beach Container Terminal.</translation>
    </message>
    <message>
        <source>Maher Terminals, Elizabeth, New Jersey.</source>
        <translation>Maher Terminals, Elizabeth, Nueva Jersey.</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Matson terminal at Long Beach, Pier C berth 60.</source>
        <translation>Terminal de Matson en Long Beach, muelle C, atraque 60.</translation>
    </message>
    <message>
        <source>MGT terminal.</source>
        <translation>Terminal MGT.</translation>
    </message>
    <message>
        <source>NWCS container yard.</source>
        <translation>Patio de contenedores de NWCS.</translation>
    </message>
    <message>
        <source>Oakland, berth 58.</source>
        <translation>Oakland, atraque 58.</translation>
    </message>
    <message>
        <source>Pacific coast terminal.</source>
        <translation>Terminal de la costa del Pacífico.</translation>
    </message>
    <message>
        <source>Packer Avenue Marine Terminal, Philadelphia.</source>
        <translation>Packer Avenue Marine Terminal, Filadelfia.</translation>
    </message>
    <message>
        <source>Pier A, Long Beach.</source>
        <translation>Muelle A, Long Beach.</translation>
    </message>
    <message>
        <source>Port of Miami Terminal Operating Company.</source>
        <translation>Port of Miami Terminal Operating Company.</translation>
    </message>
    <message>
        <source>Port Houston container terminals Barbours Cut and Bayport; customers must request API access from Port of Houston.</source>
        <translation>Terminales de contenedores Barbours Cut y Bayport de Port Houston; los clientes deben solicitar el acceso a la API a Port of Houston.</translation>
    </message>
    <message>
        <source>Portland terminal.</source>
        <translation>Terminal de Portland.</translation>
    </message>
    <message>
        <source>Railsight rail car tracing; Envase credentials plus the customer&apos;s fleet code.</source>
        <translation>Rastreo de vagones con Railsight; credenciales de Envase más el código de flota del cliente.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flota</translation>
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
        <translation>Shippers Transport Express, patio de Alameda.</translation>
    </message>
    <message>
        <source>Shippers Transport Express, Carson yard.</source>
        <translation>Shippers Transport Express, patio de Carson.</translation>
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
        <translation>Terminales de Termont, Montreal.</translation>
    </message>
    <message>
        <source>TraPac terminals: B136 Los Angeles and B30 Oakland.</source>
        <translation>Terminales de TraPac: B136 Los Ángeles y B30 Oakland.</translation>
    </message>
    <message>
        <source>Total Terminals International, Long Beach.</source>
        <translation>Total Terminals International, Long Beach.</translation>
    </message>
    <message>
        <source>Union Pacific rail intermodal tracing.</source>
        <translation>Rastreo intermodal ferroviario de Union Pacific.</translation>
    </message>
    <message>
        <source>Washington United Terminals, Tacoma.</source>
        <translation>Washington United Terminals, Tacoma.</translation>
    </message>
    <message>
        <source>Yusen Terminals, Los Angeles.</source>
        <translation>Yusen Terminals, Los Ángeles.</translation>
    </message>
    <message>
        <source>Outbound destination: Quaywatch sends changes to it; nothing is traced from it</source>
        <translation>Destino de salida: Quaywatch le envía cambios; no se rastrea nada desde él</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>PortPro TMS: Quaywatch updates the load that carries each tracked container with the seed-000 mapping fields as they change.</source>
        <translation>PortPro TMS: Quaywatch actualiza la carga de cada contenedor seguido con los campos de la tabla de correspondencia en cuanto cambian.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Webhook &quot;%1&quot; has no signing secret in the keychain; set one before sending</source>
        <translation>El webhook &quot;%1&quot; no tiene secreto de firma en el llavero; defina uno antes de enviar</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot; has no valid URL</source>
        <translation>El webhook &quot;%1&quot; no tiene una URL válida</translation>
    </message>
    <message>
        <source>Webhook &quot;%1&quot;: %2</source>
        <translation>Webhook &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>No answer from the receiver</source>
        <translation>Sin respuesta del receptor</translation>
    </message>
    <message>
        <source>The receiver answered HTTP %1; will retry</source>
        <translation>El receptor respondió HTTP %1; se reintentará</translation>
    </message>
    <message>
        <source>The receiver answered HTTP 410 Gone; the destination is stopped</source>
        <translation>El receptor respondió HTTP 410 Gone; el destino se ha detenido</translation>
    </message>
    <message>
        <source>The receiver refused the message with HTTP %1</source>
        <translation>El receptor rechazó el mensaje con HTTP %1</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>All containers</source>
        <translation>Todos los contenedores</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Retenidos</translation>
    </message>
    <message>
        <source>LFD within 2 days</source>
        <translation>LFD en 2 días o menos</translation>
    </message>
    <message>
        <source>Available, not picked up</source>
        <translation>Disponibles, sin retirar</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
</context>
<context>
    <name>SchedulePolicy</name>
    <message>
        <source>Cancelled, expired or completed: no more traces</source>
        <translation>Cancelado, caducado o completado: sin más rastreos</translation>
    </message>
    <message>
        <source>Empty returned: no more traces</source>
        <translation>Vacío devuelto: sin más rastreos</translation>
    </message>
    <message>
        <source>Outgated: every 4 hours until the empty is returned</source>
        <translation>Retirado: cada 4 horas hasta que se devuelva el vacío</translation>
    </message>
    <message>
        <source>On hold: every 15 minutes</source>
        <translation>Retenido: cada 15 minutos</translation>
    </message>
    <message>
        <source>Discharged, available or not available: every 15 minutes</source>
        <translation>Descargado, disponible o no disponible: cada 15 minutos</translation>
    </message>
    <message>
        <source>On vessel, ETA within 48 hours: every 15 minutes</source>
        <translation>A bordo, ETA en menos de 48 horas: cada 15 minutos</translation>
    </message>
    <message>
        <source>On vessel, ETA further away or unknown: every 12 hours</source>
        <translation>A bordo, ETA más lejana o desconocida: cada 12 horas</translation>
    </message>
    <message>
        <source>Not found at the terminal: every 6 hours</source>
        <translation>No encontrado en la terminal: cada 6 horas</translation>
    </message>
    <message>
        <source>Not traced yet or status unknown: every hour</source>
        <translation>Aún sin rastrear o estado desconocido: cada hora</translation>
    </message>
</context>
<context>
    <name>ScheduleRuleModel</name>
    <message>
        <source>no more traces</source>
        <translation>sin más rastreos</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>cada %n hora</numerusform>
            <numerusform>cada %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>cada %n minuto</numerusform>
            <numerusform>cada %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n second(s)</source>
        <translation>
            <numerusform>cada %n segundo</numerusform>
            <numerusform>cada %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Se aplica a</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>Rastreo</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <source>When a hold is released</source>
        <translation>Cuando se libera una retención</translation>
    </message>
    <message>
        <source>When a container becomes available for pickup</source>
        <translation>Cuando un contenedor queda disponible para retirar</translation>
    </message>
    <message>
        <source>When a container&apos;s last free day is tomorrow (once a day)</source>
        <translation>Cuando el último día libre de un contenedor es mañana (una vez al día)</translation>
    </message>
    <message>
        <source>Also show them as desktop notifications (system tray)</source>
        <translation>Mostrarlas también como notificaciones de escritorio (bandeja del sistema)</translation>
    </message>
    <message>
        <source>Tracing schedule</source>
        <translation>Calendario de rastreo</translation>
    </message>
    <message>
        <source>How often containers are traced, by their last known state. The first rule that applies wins. &quot;Trace now&quot; in the watchlist traces at once regardless.</source>
        <translation>Con qué frecuencia se rastrean los contenedores, según su último estado conocido. Se aplica la primera regla que corresponda. «Rastrear ahora» en la lista de seguimiento rastrea de inmediato en cualquier caso.</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Start Quaywatch with --db to use another database.</source>
        <translation>Inicie Quaywatch con --db para usar otra base de datos.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Inbox folder</source>
        <translation>Carpeta de entrada</translation>
    </message>
    <message>
        <source>Spreadsheets saved into this folder are imported while Quaywatch runs; each file then moves to processed/ or rejected/ with its errors.</source>
        <translation>Las hojas de cálculo guardadas en esta carpeta se importan mientras Quaywatch está en marcha; después cada archivo pasa a processed/ o rejected/ junto con sus errores.</translation>
    </message>
    <message>
        <source>No folder: nothing is imported automatically</source>
        <translation>Sin carpeta: no se importa nada automáticamente</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Push-style providers call Quaywatch back at this address and port. It listens once the company has a webhook subscription (and so a token) or a provider&apos;s signing key.</source>
        <translation>Los proveedores que envían sus datos avisan a Quaywatch en esta dirección y puerto. Escucha en cuanto la empresa tiene una suscripción con webhook (y, por tanto, un token) o la clave de firma de un proveedor.</translation>
    </message>
    <message>
        <source>[address:]port, e.g. 127.0.0.1:8787</source>
        <translation>[dirección:]puerto, p. ej. 127.0.0.1:8787</translation>
    </message>
    <message>
        <source>View only: this console never syncs (the workers on the shared database do)</source>
        <translation>Solo lectura: esta consola nunca sincroniza (lo hacen los procesos de la base de datos compartida)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No keyboard shortcuts are defined.</source>
        <translation>No hay atajos de teclado definidos.</translation>
    </message>
</context>
<context>
    <name>SigningSecretDialog</name>
    <message>
        <source>Give this signing secret to the receiver of %1 now, so that it can check the Quaywatch-Signature header. It will not be shown again: Quaywatch keeps it only in the keychain.</source>
        <translation>Entregue ahora este secreto de firma al receptor de %1 para que pueda comprobar la cabecera Quaywatch-Signature. No se volverá a mostrar: Quaywatch solo lo guarda en el llavero.</translation>
    </message>
    <message>
        <source>Signing secret for %1</source>
        <translation>Secreto de firma de %1</translation>
    </message>
    <message>
        <source>Signing secret</source>
        <translation>Secreto de firma</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>StatusPresentation</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>No encontrado</translation>
    </message>
    <message>
        <source>On vessel</source>
        <translation>A bordo</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Descargado</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Outgated</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Vacío devuelto</translation>
    </message>
    <message>
        <source>Customs</source>
        <translation>Aduana</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Naviera</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>Flete</translation>
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
        <translation>Sobrestadía</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message numerus="yes">
        <source>overdue %n day(s)</source>
        <translation>
            <numerusform>%n día de retraso</numerusform>
            <numerusform>%n días de retraso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>en %n día</numerusform>
            <numerusform>en %n días</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreConsoleBackend</name>
    <message>
        <source>Sync: %1 traced, %2 failed, %3 new events</source>
        <translation>Sincronización: %1 rastreados, %2 fallidos, %3 eventos nuevos</translation>
    </message>
    <message>
        <source>Give the destination a name of up to 64 letters, digits, spaces, dots, dashes or underscores.</source>
        <translation>Dé al destino un nombre de hasta 64 letras, dígitos, espacios, puntos, guiones o guiones bajos.</translation>
    </message>
    <message>
        <source>Enter the receiver&apos;s full address, e.g. https://example.com/hook.</source>
        <translation>Introduzca la dirección completa del receptor, p. ej. https://example.com/hook.</translation>
    </message>
    <message>
        <source>The address must use https; plain http is only allowed to this computer (localhost, 127.0.0.1 or ::1).</source>
        <translation>La dirección debe usar https; http simple solo se permite hacia este equipo (localhost, 127.0.0.1 o ::1).</translation>
    </message>
    <message>
        <source>Unknown event code %1.</source>
        <translation>Código de evento desconocido %1.</translation>
    </message>
    <message>
        <source>There is no outbound destination %1.</source>
        <translation>No existe el destino de salida %1.</translation>
    </message>
    <message>
        <source>No keychain is available.</source>
        <translation>No hay ningún llavero disponible.</translation>
    </message>
    <message>
        <source>A destination named %1 exists already.</source>
        <translation>Ya existe un destino llamado %1.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; belongs to the %2 connection.</source>
        <translation>El nombre &quot;%1&quot; pertenece a la conexión de %2.</translation>
    </message>
    <message>
        <source>%1 is removed with Disconnect on its card.</source>
        <translation>%1 se elimina con Desconectar en su tarjeta.</translation>
    </message>
</context>
<context>
    <name>SubscriptionService</name>
    <message numerus="yes">
        <source>Subscribing %n number(s)…</source>
        <translation>
            <numerusform>Suscribiendo %n número…</numerusform>
            <numerusform>Suscribiendo %n números…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Subscribed %n number(s)</source>
        <translation>
            <numerusform>%n número suscrito</numerusform>
            <numerusform>%n números suscritos</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot store the webhook token in the keychain: %1</source>
        <translation>No se puede guardar el token del webhook en el llavero: %1</translation>
    </message>
    <message numerus="yes">
        <source>Changing the reference of %n subscription(s)…</source>
        <translation>
            <numerusform>Cambiando la referencia de %n suscripción…</numerusform>
            <numerusform>Cambiando la referencia de %n suscripciones…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one subscription</source>
        <translation>Elija al menos una suscripción</translation>
    </message>
    <message>
        <source>Cannot read the webhook token from the keychain: %1</source>
        <translation>No se puede leer el token del webhook del llavero: %1</translation>
    </message>
    <message>
        <source>The reference is changed; the 90-day window starts again</source>
        <translation>La referencia se ha cambiado; el periodo de 90 días vuelve a empezar</translation>
    </message>
    <message numerus="yes">
        <source>Removing %n subscription(s)…</source>
        <translation>
            <numerusform>Eliminando %n suscripción…</numerusform>
            <numerusform>Eliminando %n suscripciones…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n subscription(s)</source>
        <translation>
            <numerusform>%n suscripción eliminada</numerusform>
            <numerusform>%n suscripciones eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Removing %1…</source>
        <translation>Eliminando %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Publishing %n container(s) for tracing…</source>
        <translation>
            <numerusform>Publicando %n contenedor para su rastreo…</numerusform>
            <numerusform>Publicando %n contenedores para su rastreo…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling tracing of %n container(s)…</source>
        <translation>
            <numerusform>Dejando de rastrear %n contenedor…</numerusform>
            <numerusform>Dejando de rastrear %n contenedores…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %n container(s)</source>
        <translation>
            <numerusform>%n contenedor publicado</numerusform>
            <numerusform>%n contenedores publicados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled tracing of %n container(s)</source>
        <translation>
            <numerusform>Se dejó de rastrear %n contenedor</numerusform>
            <numerusform>Se dejaron de rastrear %n contenedores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already published; use Trace now to publish again</source>
        <translation>
            <numerusform>%n ya estaba publicado; use Rastrear ahora para volver a publicarlo</numerusform>
            <numerusform>%n ya estaban publicados; use Rastrear ahora para volver a publicarlos</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing %1…</source>
        <translation>Publicando %1…</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>Dejando de rastrear %1…</translation>
    </message>
    <message>
        <source>No provider module takes subscriptions</source>
        <translation>Ningún módulo de proveedor admite suscripciones</translation>
    </message>
    <message>
        <source>There is no %1 connection for %2; connect %1 on the Data sources page first</source>
        <translation>No hay ninguna conexión de %1 para %2; conecte primero %1 en la página Fuentes de datos</translation>
    </message>
    <message>
        <source>Cannot read the %1 subscription key from the keychain: %2</source>
        <translation>No se puede leer la clave de suscripción de %1 del llavero: %2</translation>
    </message>
    <message>
        <source>%1 refused the subscription: %2</source>
        <translation>%1 ha rechazado la suscripción: %2</translation>
    </message>
    <message>
        <source>No provider module publishes for tracing</source>
        <translation>Ningún módulo de proveedor publica para seguimiento</translation>
    </message>
    <message>
        <source>Comparing the subscriptions with %1…</source>
        <translation>Comparando las suscripciones con %1…</translation>
    </message>
    <message>
        <source>Cannot read the publishing credentials from the keychain: %1</source>
        <translation>No se pueden leer las credenciales de publicación del llavero: %1</translation>
    </message>
    <message>
        <source>Registering %1 for results…</source>
        <translation>Registrando %1 para resultados…</translation>
    </message>
    <message>
        <source>Registered; registration id %1</source>
        <translation>Registrado; id de registro %1</translation>
    </message>
    <message>
        <source>Compared with %1: %2 matched</source>
        <translation>Comparado con %1: %2 coinciden</translation>
    </message>
    <message>
        <source>%1 only listed by the provider, added here</source>
        <translation>%1 solo en la lista del proveedor, añadidas aquí</translation>
    </message>
    <message>
        <source>%1 no longer listed by the provider, marked removed: %2</source>
        <translation>%1 ya no están en la lista del proveedor, marcadas como eliminadas: %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionTableModel</name>
    <message>
        <source>Booking</source>
        <translation>Reserva</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
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
        <translation>Correo electrónico %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Eliminada</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (caducada)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s) left)</source>
        <translation>
            <numerusform>%1 (queda %n día)</numerusform>
            <numerusform>%1 (quedan %n días)</numerusform>
        </translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Tipos de evento</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caduca</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPage</name>
    <message>
        <source>&amp;New subscription…</source>
        <translation>&amp;Nueva suscripción…</translation>
    </message>
    <message>
        <source>Change &amp;reference…</source>
        <translation>Cambiar &amp;referencia…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>&amp;%1 subscriptions</source>
        <translation>Suscripciones de &amp;%1</translation>
    </message>
    <message>
        <source>&amp;Trace publishing</source>
        <translation>Publicación de &amp;rastreo</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>%1 subscriptions</source>
        <translation>Suscripciones de %1</translation>
    </message>
    <message>
        <source>Subscribe container or booking numbers (Ctrl+N)</source>
        <translation>Suscribir números de contenedor o de reserva (Ctrl+N)</translation>
    </message>
    <message>
        <source>Remove the selected subscriptions (Delete)</source>
        <translation>Eliminar las suscripciones seleccionadas (Supr)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;zar</translation>
    </message>
    <message>
        <source>Another operation is still running; try again when it is done</source>
        <translation>Todavía hay otra operación en curso; vuelva a intentarlo cuando termine</translation>
    </message>
    <message>
        <source>Remove subscriptions</source>
        <translation>Eliminar suscripciones</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n subscription(s) at %1? No more callbacks will come for: %2</source>
        <translation>
            <numerusform>¿Eliminar %n suscripción en %1? Ya no llegarán avisos para: %2</numerusform>
            <numerusform>¿Eliminar %n suscripciones en %1? Ya no llegarán avisos para: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compare with %1</source>
        <translation>&amp;Comparar con %1</translation>
    </message>
    <message>
        <source>Bring this list in line with %1&apos;s own list of subscriptions; nothing is changed at %1</source>
        <translation>Ajustar esta lista a la lista de suscripciones de %1; no se cambia nada en %1</translation>
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
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Qué hay que hacer</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Confirmado</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Containers that need action today</source>
        <translation>Contenedores que requieren acción hoy</translation>
    </message>
    <message>
        <source>Trace now</source>
        <translation>Rastrear ahora</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Confirmar…</translation>
    </message>
    <message>
        <source>Note that you are handling the selected containers; every console of the company shows it, and the audit log records it</source>
        <translation>Indicar que usted se encarga de los contenedores seleccionados; todas las consolas de la empresa lo muestran y el registro de auditoría lo registra</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message numerus="yes">
        <source>Note for %n container(s), e.g. who handles it:</source>
        <translation>
            <numerusform>Nota para %n contenedor, p. ej. quién se encarga:</numerusform>
            <numerusform>Nota para %n contenedores, p. ej. quién se encarga:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the acknowledgements: %1</source>
        <translation>No se pueden leer las confirmaciones: %1</translation>
    </message>
    <message>
        <source>%1, %2, %3.</source>
        <translation>%1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) overdue or due today</source>
        <translation>
            <numerusform>%n contenedor vencido o que vence hoy</numerusform>
            <numerusform>%n contenedores vencidos o que vencen hoy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due tomorrow</source>
        <translation>
            <numerusform>%n vence mañana</numerusform>
            <numerusform>%n vencen mañana</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on hold</source>
        <translation>
            <numerusform>%n retenido</numerusform>
            <numerusform>%n retenidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>Rastreando ahora %n contenedor</numerusform>
            <numerusform>Rastreando ahora %n contenedores</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot acknowledge %1: %2</source>
        <translation>No se puede confirmar %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged %n container(s)</source>
        <translation>
            <numerusform>%n contenedor confirmado</numerusform>
            <numerusform>%n contenedores confirmados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodaySituations</name>
    <message>
        <source>LFD overdue, still in the terminal</source>
        <translation>LFD vencido, aún en la terminal</translation>
    </message>
    <message>
        <source>LFD today</source>
        <translation>LFD hoy</translation>
    </message>
    <message>
        <source>LFD tomorrow</source>
        <translation>LFD mañana</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Retenidos</translation>
    </message>
    <message>
        <source>Available, not picked up</source>
        <translation>Disponibles, sin retirar</translation>
    </message>
    <message>
        <source>Data problems</source>
        <translation>Problemas de datos</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>demurrage %1</source>
        <translation>sobrestadía %1</translation>
    </message>
    <message>
        <source>available, not picked up</source>
        <translation>disponible, sin retirar</translation>
    </message>
    <message>
        <source>appointment %1</source>
        <translation>cita %1</translation>
    </message>
    <message>
        <source>last trace failed</source>
        <translation>falló el último rastreo</translation>
    </message>
    <message>
        <source>%1 hold</source>
        <translation>retención %1</translation>
    </message>
    <message>
        <source>%1 hold since %2</source>
        <translation>retención %1 desde el %2</translation>
    </message>
    <message>
        <source>no LFD yet</source>
        <translation>aún sin LFD</translation>
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
            <numerusform>cada %n minuto</numerusform>
            <numerusform>cada %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>cada %n hora</numerusform>
            <numerusform>cada %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>last trace failed: %1</source>
        <translation>el último rastreo falló: %1</translation>
    </message>
    <message>
        <source>the terminal says available, but the gate says it left on %1</source>
        <translation>la terminal indica disponible, pero según la puerta salió el %1</translation>
    </message>
    <message>
        <source>not traced since %1 (due %2)</source>
        <translation>sin rastrear desde el %1 (previsto %2)</translation>
    </message>
</context>
<context>
    <name>TracePublicationModel</name>
    <message>
        <source>Tracing</source>
        <translation>Rastreo</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
</context>
<context>
    <name>TracePublicationPanel</name>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publicar</translation>
    </message>
    <message>
        <source>&amp;Trace now</source>
        <translation>&amp;Rastrear ahora</translation>
    </message>
    <message>
        <source>Cancel t&amp;racing</source>
        <translation>De&amp;jar de rastrear</translation>
    </message>
    <message>
        <source>Published containers</source>
        <translation>Contenedores publicados</translation>
    </message>
    <message>
        <source>Publishing settings</source>
        <translation>Ajustes de publicación</translation>
    </message>
    <message>
        <source>UUID of the service</source>
        <translation>UUID del servicio</translation>
    </message>
    <message>
        <source>Empty: the catalog&apos;s events endpoint</source>
        <translation>Vacío: el endpoint de eventos del catálogo</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar ajustes</translation>
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
        <translation>Or&amp;igen:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>Publish containers for tracing</source>
        <translation>Publicar contenedores para su rastreo</translation>
    </message>
    <message>
        <source>Container numbers, separated by spaces or commas</source>
        <translation>Números de contenedor, separados por espacios o comas</translation>
    </message>
    <message>
        <source>The provider&apos;s data fields, e.g. locationCode=USNWK</source>
        <translation>Los campos de datos del proveedor, p. ej. locationCode=USNWK</translation>
    </message>
    <message>
        <source>Con&amp;tainers:</source>
        <translation>Con&amp;tenedores:</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>Pro&amp;veedor:</translation>
    </message>
    <message>
        <source>&amp;Data fields:</source>
        <translation>Campos de &amp;datos:</translation>
    </message>
    <message>
        <source>Type at least one container number to publish</source>
        <translation>Escriba al menos un número de contenedor para publicar</translation>
    </message>
    <message>
        <source>&amp;Normalize (%1 validates the container)</source>
        <translation>&amp;Normalizar (%1 valida el contenedor)</translation>
    </message>
    <message>
        <source>UUID of your organization at %1</source>
        <translation>UUID de su organización en %1</translation>
    </message>
</context>
<context>
    <name>WatchlistDrillDown</name>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Hold: %1</source>
        <translation>Retención: %1</translation>
    </message>
    <message>
        <source>LFD: %1</source>
        <translation>LFD: %1</translation>
    </message>
    <message>
        <source>LFD overdue, still at the terminal</source>
        <translation>LFD vencido, aún en la terminal</translation>
    </message>
    <message>
        <source>LFD in the next 2 days, still at the terminal</source>
        <translation>LFD en los próximos 2 días, aún en la terminal</translation>
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
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Terminal LFD: %1
Line LFD: %2</source>
        <translation>LFD de la terminal: %1
LFD de la naviera: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Retenciones</translation>
    </message>
    <message>
        <source>LFD</source>
        <translation>LFD</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Vessel</source>
        <translation>Buque</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>ETA</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Descargado</translation>
    </message>
    <message>
        <source>Outgated</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Empty returned</source>
        <translation>Vacío devuelto</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Demurrage</source>
        <translation>Sobrestadía</translation>
    </message>
    <message>
        <source>Last traced</source>
        <translation>Último rastreo</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Bill of lading</source>
        <translation>Conocimiento de embarque</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation>Rastreo</translation>
    </message>
</context>
<context>
    <name>WatchlistPage</name>
    <message>
        <source>Change reference</source>
        <translation>Cambiar referencia</translation>
    </message>
    <message>
        <source>Reference (at most %1 characters; restarts the 90-day tracing window):</source>
        <translation>Referencia (como máximo %1 caracteres; reinicia el periodo de rastreo de 90 días):</translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Exportar selección</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cancel tracing</source>
        <translation>Dejar de rastrear</translation>
    </message>
    <message numerus="yes">
        <source>Stop tracing %n container(s)? Their history is kept.</source>
        <translation>
            <numerusform>¿Dejar de rastrear %n contenedor? Su historial se conserva.</numerusform>
            <numerusform>¿Dejar de rastrear %n contenedores? Su historial se conserva.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Guardar vista</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Nombre de la vista:</translation>
    </message>
    <message>
        <source>Filter by container, reference, vessel or bill of lading (Ctrl+F)</source>
        <translation>Filtrar por contenedor, referencia, buque o conocimiento de embarque (Ctrl+F)</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Vista:</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation>Desde el panel: %1</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Guardar vista…</translation>
    </message>
    <message>
        <source>Trace now</source>
        <translation>Rastrear ahora</translation>
    </message>
    <message>
        <source>Change reference…</source>
        <translation>Cambiar referencia…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Export selection…</source>
        <translation>Exportar selección…</translation>
    </message>
    <message>
        <source>Cannot read the watchlist: %1</source>
        <translation>No se puede leer la lista de seguimiento: %1</translation>
    </message>
    <message>
        <source>View &quot;%1&quot; saved</source>
        <translation>Vista «%1» guardada</translation>
    </message>
    <message>
        <source>%1 of %2 containers</source>
        <translation>%1 de %2 contenedores</translation>
    </message>
    <message>
        <source>%1 (loading…)</source>
        <translation>%1 (cargando…)</translation>
    </message>
    <message numerus="yes">
        <source>Tracing %n container(s) now</source>
        <translation>
            <numerusform>Rastreando ahora %n contenedor</numerusform>
            <numerusform>Rastreando ahora %n contenedores</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cancel tracing: %1</source>
        <translation>No se puede dejar de rastrear: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped tracing %n container(s)</source>
        <translation>
            <numerusform>Se dejó de rastrear %n contenedor</numerusform>
            <numerusform>Se dejaron de rastrear %n contenedores</numerusform>
        </translation>
    </message>
    <message>
        <source>A reference has at most %1 characters; this one has %2. Nothing was changed.</source>
        <translation>Una referencia tiene como máximo %1 caracteres; esta tiene %2. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Cannot change the reference: %1</source>
        <translation>No se puede cambiar la referencia: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reference of %n container(s) changed; tracing window restarted</source>
        <translation>
            <numerusform>Referencia de %n contenedor cambiada; periodo de rastreo reiniciado</numerusform>
            <numerusform>Referencia de %n contenedores cambiada; periodo de rastreo reiniciado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n container(s)</source>
        <translation>
            <numerusform>%n contenedor copiado</numerusform>
            <numerusform>%n contenedores copiados</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n container(s) to %1</source>
        <translation>
            <numerusform>%n contenedor exportado a %1</numerusform>
            <numerusform>%n contenedores exportados a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import spreadsheet…</source>
        <translation>Importar hoja de cálculo…</translation>
    </message>
    <message>
        <source>Add the containers of a CSV or Excel file to the watchlist (Ctrl+I)</source>
        <translation>Añadir a la lista de seguimiento los contenedores de un archivo CSV o Excel (Ctrl+I)</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>Ajustar columnas al contenido</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Vista</translation>
    </message>
</context>
<context>
    <name>WebhookDestinationDialog</name>
    <message>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <source>Only these events:</source>
        <translation>Solo estos eventos:</translation>
    </message>
    <message>
        <source>Add webhook destination</source>
        <translation>Añadir destino webhook</translation>
    </message>
    <message>
        <source>Quaywatch sends each change of your containers to this address as signed JSON. A signing secret is made for it and shown once, for the receiver.</source>
        <translation>Quaywatch envía cada cambio de sus contenedores a esta dirección como JSON firmado. Se crea un secreto de firma y se muestra una sola vez, para el receptor.</translation>
    </message>
    <message>
        <source>e.g. warehouse</source>
        <translation>p. ej. almacén</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Address (https):</source>
        <translation>Dirección (https):</translation>
    </message>
    <message>
        <source>Event codes</source>
        <translation>Códigos de evento</translation>
    </message>
    <message>
        <source>Tick at least one event, or choose All events.</source>
        <translation>Marque al menos un evento o elija Todos los eventos.</translation>
    </message>
</context>
<context>
    <name>WebhookStatusWidget</name>
    <message>
        <source>Webhook status</source>
        <translation>Estado de los webhooks</translation>
    </message>
    <message>
        <source>Last refused callback at %1: %2 %3 (%4)</source>
        <translation>Último aviso rechazado a las %1: %2 %3 (%4)</translation>
    </message>
    <message>
        <source>Webhooks: off</source>
        <translation>Webhooks: desactivados</translation>
    </message>
    <message>
        <source>Webhooks: listening on %1:%2</source>
        <translation>Webhooks: escuchando en %1:%2</translation>
    </message>
    <message>
        <source> · last callback %1</source>
        <translation> · último aviso a las %1</translation>
    </message>
    <message>
        <source> · no callback yet</source>
        <translation> · todavía ningún aviso</translation>
    </message>
    <message>
        <source>No callback has been refused</source>
        <translation>No se ha rechazado ningún aviso</translation>
    </message>
    <message>
        <source> · warning: unencrypted on the network</source>
        <translation> · aviso: sin cifrar en la red</translation>
    </message>
    <message>
        <source>The listener is reachable from other machines over plain HTTP: put a TLS-terminating proxy in front of it, or listen on 127.0.0.1.</source>
        <translation>El receptor es accesible desde otros equipos por HTTP sin cifrar: coloque delante un proxy que termine TLS o escuche en 127.0.0.1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Quaywatch (demo)</source>
        <translation>Quaywatch (demostración)</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Llavero</translation>
    </message>
</context>
</TS>
