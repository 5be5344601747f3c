<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Export calendar</source>
        <translation>Exportar calendario</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>Escribiendo el calendario…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Calendar export progress</source>
        <translation>Progreso de la exportación del calendario</translation>
    </message>
    <message>
        <source>Calendar saved. Import it into your calendar app.</source>
        <translation>Calendario guardado. Impórtelo en su aplicación de calendario.</translation>
    </message>
    <message>
        <source>Saved {name}. Import it into your calendar app; importing a newer export later updates these events instead of adding copies.</source>
        <translation>Se guardó {name}. Impórtelo en su aplicación de calendario; si más adelante importa una exportación más reciente, se actualizarán estos eventos en lugar de añadir copias.</translation>
    </message>
    <message>
        <source>Export visit to calendar</source>
        <translation>Exportar la consulta al calendario</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Archivos iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>The file could not be saved: {reason}</source>
        <translation>No se pudo guardar el archivo: {reason}</translation>
    </message>
    <message>
        <source>Calendar file saved.</source>
        <translation>Archivo de calendario guardado.</translation>
    </message>
    <message>
        <source>1 record request</source>
        <translation>1 solicitud de expedientes</translation>
    </message>
    <message>
        <source>{n} record requests</source>
        <translation>{n} solicitudes de expedientes</translation>
    </message>
    <message>
        <source>1 authorization</source>
        <translation>1 autorización</translation>
    </message>
    <message>
        <source>{n} authorizations</source>
        <translation>{n} autorizaciones</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>1 consulta</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>{n} consultas</translation>
    </message>
    <message>
        <source>1 opinion</source>
        <translation>1 opinión</translation>
    </message>
    <message>
        <source>{n} opinions</source>
        <translation>{n} opiniones</translation>
    </message>
    <message>
        <source>1 record item</source>
        <translation>1 registro médico</translation>
    </message>
    <message>
        <source>{n} record items</source>
        <translation>{n} registros médicos</translation>
    </message>
    <message>
        <source>1 visit companion link</source>
        <translation>1 acompañante de consulta</translation>
    </message>
    <message>
        <source>{n} visit companion links</source>
        <translation>{n} acompañantes de consulta</translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation>{0} y {1}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Add documents</source>
        <extracomment>progress shows only for an add that takes longer than a blink every step the last add reported (what the progress dialog showed), for tests</extracomment>
        <translation>Añadir documentos</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>There is nothing to add on the clipboard: copy files or a picture first.</source>
        <translation>No hay nada que añadir en el portapapeles: primero copie archivos o una imagen.</translation>
    </message>
    <message>
        <source>Wait until the documents being added are in.</source>
        <translation>Espere a que terminen de añadirse los documentos.</translation>
    </message>
    <message>
        <source>Pasted picture, {when}</source>
        <translation>Imagen pegada, {when}</translation>
    </message>
    <message>
        <source>Paste a picture</source>
        <translation>Pegar una imagen</translation>
    </message>
    <message>
        <source>Adding documents</source>
        <translation>Añadiendo documentos</translation>
    </message>
    <message>
        <source>Checking and encrypting {count} files…</source>
        <translation>Revisando y cifrando {count} archivos…</translation>
    </message>
    <message>
        <source>Checking and encrypting the file…</source>
        <translation>Revisando y cifrando el archivo…</translation>
    </message>
    <message>
        <source>{name}: already among your documents; it was not stored twice.</source>
        <translation>{name}: ya está entre sus documentos; no se guardó dos veces.</translation>
    </message>
    <message>
        <source>{name}: the same content as another file chosen; stored once.</source>
        <translation>{name}: el mismo contenido que otro archivo elegido; se guardó una sola vez.</translation>
    </message>
    <message>
        <source>The same content twice</source>
        <translation>El mismo contenido dos veces</translation>
    </message>
    <message>
        <source>Added {count} documents.</source>
        <translation>Se añadieron {count} documentos.</translation>
    </message>
    <message>
        <source>Added “{title}”.</source>
        <translation>Se añadió «{title}».</translation>
    </message>
    <message>
        <source>A damaged file</source>
        <translation>Un archivo dañado</translation>
    </message>
    <message>
        <source>Keep it anyway? It will be stored as it is and marked “cannot be shown”; nothing was added yet.</source>
        <translation>¿Guardarlo de todos modos? Se guardará tal como está y marcado como «no se puede mostrar»; todavía no se ha añadido nada.</translation>
    </message>
    <message>
        <source>Keep it anyway</source>
        <translation>Guardarlo de todos modos</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>No se añadió nada.</translation>
    </message>
    <message>
        <source>A document of this request could not be read ({problem}); no bundle was written. Run a check of the vault.</source>
        <translation>No se pudo leer un documento de esta solicitud ({problem}); no se creó ningún paquete de expedientes. Haga una revisión de la bóveda.</translation>
    </message>
    <message>
        <source>Could not write {path}: {problem}</source>
        <translation>No se pudo escribir {path}: {problem}</translation>
    </message>
    <message>
        <source>Selected document</source>
        <extracomment>a link, and how it reads</extracomment>
        <translation>Documento seleccionado</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Qué es:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Vinculado a</translation>
    </message>
    <message>
        <source>&amp;Link to…</source>
        <translation>&amp;Vincular a…</translation>
    </message>
    <message>
        <source>Link the document to a record, request, visit, opinion or contact</source>
        <translation>Vincular el documento a un registro, una solicitud, una consulta, una opinión o un contacto</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Quitar vínculo</translation>
    </message>
    <message>
        <source>Remove the selected link</source>
        <translation>Quitar el vínculo seleccionado</translation>
    </message>
    <message>
        <source>What the document is linked to</source>
        <translation>A qué está vinculado el documento</translation>
    </message>
    <message>
        <source>Select a document to see it, its details and its links.</source>
        <translation>Seleccione un documento para verlo, junto con sus datos y vínculos.</translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation>de {source}</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} páginas</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>Cannot be shown: {problem}</source>
        <translation>No se puede mostrar: {problem}</translation>
    </message>
    <message>
        <source>Encrypted in the vault</source>
        <translation>Cifrado en la bóveda</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Datos del documento</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>the columns, by name, for tests and the views</extracomment>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Se sabe</translation>
    </message>
    <message>
        <source>Date of the document</source>
        <translation>Fecha del documento</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Where it came from</source>
        <translation>De dónde vino</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(sin indicar)</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Origen:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Link “{title}”</source>
        <translation>Vincular «{title}»</translation>
    </message>
    <message>
        <source>What to link to</source>
        <translation>Con qué vincular</translation>
    </message>
    <message>
        <source>Anything</source>
        <translation>Cualquier cosa</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Search what to link to</source>
        <translation>Buscar con qué vincular</translation>
    </message>
    <message>
        <source>Type to narrow the list</source>
        <translation>Escriba para acortar la lista</translation>
    </message>
    <message>
        <source>S&amp;earch:</source>
        <translation>B&amp;uscar:</translation>
    </message>
    <message>
        <source>Things to link to</source>
        <translation>Elementos para vincular</translation>
    </message>
    <message>
        <source>&amp;Link to:</source>
        <translation>&amp;Vincular a:</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Add documents…</source>
        <translation>Añadir documentos…</translation>
    </message>
    <message>
        <source>Add documents to {what}</source>
        <translation>Añadir documentos a {what}</translation>
    </message>
    <message>
        <source>Documents of {what}</source>
        <translation>Documentos de {what}</translation>
    </message>
    <message>
        <source>None yet: add the records that arrived.</source>
        <translation>Ninguno todavía: añada los expedientes que llegaron.</translation>
    </message>
    <message>
        <source>Attach the records that arrived?</source>
        <translation>¿Adjuntar los expedientes que llegaron?</translation>
    </message>
    <message>
        <source>Add the records you received to your documents now? They are kept encrypted in the vault and linked to this request.</source>
        <translation>¿Añadir ahora a sus documentos los expedientes que recibió? Se guardan cifrados en la bóveda y vinculados a esta solicitud.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Elegir archivos…</translation>
    </message>
    <message>
        <source>Records bundle</source>
        <translation>Paquete de expedientes</translation>
    </message>
    <message>
        <source>No documents are linked to this request yet: add the records first.</source>
        <translation>Todavía no hay documentos vinculados a esta solicitud: primero añada los expedientes.</translation>
    </message>
    <message>
        <source>Language of the cover letter and index:</source>
        <translation>Idioma de la carta de presentación y del índice:</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote the records bundle to {path}. It holds health information: keep it private.</source>
        <translation>Se escribió el paquete de expedientes en {path}. Contiene información de salud: manténgalo en privado.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>cannot be shown: a page says it was left out</source>
        <translation>no se puede mostrar: una página indica que se omitió</translation>
    </message>
    <message>
        <source>Documents to put in the packet</source>
        <translation>Documentos para el paquete</translation>
    </message>
    <message>
        <source>Documents chosen</source>
        <translation>Documentos elegidos</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Vinculados</translation>
    </message>
    <message>
        <source>Tick the documents linked to this visit</source>
        <translation>Marcar los documentos vinculados a esta consulta</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Tick every document</source>
        <translation>Marcar todos los documentos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Tick no document</source>
        <translation>No marcar ningún documento</translation>
    </message>
    <message>
        <source>Finding the documents…</source>
        <translation>Buscando los documentos…</translation>
    </message>
    <message>
        <source>No documents yet (add them in the Documents tab).</source>
        <translation>Todavía no hay documentos (añádalos en la pestaña Documentos).</translation>
    </message>
    <message>
        <source>No document goes in the packet.</source>
        <translation>Ningún documento va en el paquete.</translation>
    </message>
    <message>
        <source>{count} of {total} documents go in ({pages} pages).</source>
        <translation>Van {count} de {total} documentos ({pages} páginas).</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Cannot be shown</source>
        <translation>No se puede mostrar</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <extracomment>pages, message, text None: fit the width of the view; else times 100 %</extracomment>
        <translation>Página anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Página siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>Página mostrada</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Alejar (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Acercar (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit the width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Girar a la izquierda</translation>
    </message>
    <message>
        <source>Turn right (Ctrl+R)</source>
        <translation>Girar a la derecha (Ctrl+R)</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Girar a la derecha</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Save a copy of the document</source>
        <translation>Guardar una copia del documento</translation>
    </message>
    <message>
        <source>Write the original file where you choose; that copy is not encrypted</source>
        <translation>Escribe el archivo original donde usted elija; esa copia no está cifrada</translation>
    </message>
    <message>
        <source>About the copy saved</source>
        <translation>Sobre la copia guardada</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Why the document is not shown</source>
        <translation>Por qué no se muestra el documento</translation>
    </message>
    <message>
        <source>Text of the document</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>Select a document to see it here.</source>
        <translation>Seleccione un documento para verlo aquí.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>This document cannot be shown: {problem}.
It is kept as it was added; you can still save a copy of it.</source>
        <translation>Este documento no se puede mostrar: {problem}.
Se guarda tal como se añadió; aun así puede guardar una copia.</translation>
    </message>
    <message>
        <source>Page {n}</source>
        <translation>Página {n}</translation>
    </message>
    <message>
        <source>Page {n} of {total}</source>
        <translation>Página {n} de {total}</translation>
    </message>
    <message>
        <source>This page cannot be shown.</source>
        <translation>Esta página no se puede mostrar.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The document could not be read ({problem}); no copy was written.</source>
        <translation>No se pudo leer el documento ({problem}); no se escribió ninguna copia.</translation>
    </message>
    <message>
        <source>Saved a copy to {path}. That copy is not encrypted: keep it private.</source>
        <translation>Se guardó una copia en {path}. Esa copia no está cifrada: manténgala en privado.</translation>
    </message>
    <message>
        <source>Visit packet</source>
        <translation>Paquete para la consulta</translation>
    </message>
    <message>
        <source>There is no visit yet. Add the visit in the Visits tab, then prepare its packet.</source>
        <translation>Todavía no hay ninguna consulta. Añádala en la pestaña Consultas y luego prepare su paquete.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <extracomment>characters the field takes (the search itself reads the first 200) the model&apos;s role for a row&apos;s ``Hit`` (None on a group heading) the model&apos;s role for a row&apos;s rich text each kind&apos;s group heading (untranslated; context &quot;finder&quot;)</extracomment>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Record items</source>
        <translation>Registros médicos</translation>
    </message>
    <message>
        <source>Records requests</source>
        <translation>Solicitudes de expedientes</translation>
    </message>
    <message>
        <source>Questions and answers</source>
        <translation>Preguntas y respuestas</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>Opiniones</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Decisiones</translation>
    </message>
    <message>
        <source>Shared contact</source>
        <translation>Contacto compartido</translation>
    </message>
    <message>
        <source>Image only: its contents cannot be searched yet</source>
        <translation>Solo imagen: todavía no se puede buscar en su contenido</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>Página {page}</translation>
    </message>
    <message>
        <source>Similar spelling</source>
        <translation>Escritura parecida</translation>
    </message>
    <message>
        <source>Find anything</source>
        <translation>Buscar cualquier cosa</translation>
    </message>
    <message>
        <source>Find anything (Ctrl+K)</source>
        <translation>Buscar cualquier cosa (Ctrl+K)</translation>
    </message>
    <message>
        <source>EntryForm</source>
        <comment>Change the {0}</comment>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>EntryForm</source>
        <comment>Add a {0}</comment>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Add a new item in the current tab</source>
        <translation>Añadir un elemento nuevo en la pestaña actual</translation>
    </message>
    <message>
        <source>Search in the current tab</source>
        <translation>Buscar en la pestaña actual</translation>
    </message>
    <message>
        <source>Open the selected item</source>
        <translation>Abrir el elemento seleccionado</translation>
    </message>
    <message>
        <source>Delete the selected item (asks first)</source>
        <translation>Eliminar el elemento seleccionado (pregunta antes)</translation>
    </message>
    <message>
        <source>Move the selected question up or down</source>
        <translation>Subir o bajar la pregunta seleccionada</translation>
    </message>
    <message>
        <source>Go to a tab (Alt+1 is Today)</source>
        <translation>Ir a una pestaña (Alt+1 es Hoy)</translation>
    </message>
    <message>
        <source>Find anything in the whole case</source>
        <translation>Buscar cualquier cosa en todo el caso</translation>
    </message>
    <message>
        <source>Open the guide</source>
        <translation>Abrir la guía</translation>
    </message>
    <message>
        <source>Prepare a visit packet</source>
        <translation>Preparar un paquete para la consulta</translation>
    </message>
    <message>
        <source>Lock the vault now</source>
        <translation>Bloquear la bóveda ahora</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Licenses…</source>
        <translation>Licencias…</translation>
    </message>
    <message>
        <source>Licenses of the parts Second Opinion is built from</source>
        <translation>Licencias de los componentes con los que se creó Second Opinion</translation>
    </message>
    <message>
        <source>Not medical advice</source>
        <translation>No es consejo médico</translation>
    </message>
    <message>
        <source>About Second Opinion</source>
        <translation>Acerca de Second Opinion</translation>
    </message>
    <message>
        <source>Keeps the doctors, records, questions, visits and opinions of a second opinion in one encrypted file on this computer. Nothing is sent anywhere.</source>
        <translation>Guarda los médicos, expedientes, preguntas, consultas y opiniones de una segunda opinión en un solo archivo cifrado en esta computadora. No se envía nada a ningún lugar.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Ask earlier (Alt+Up)</source>
        <translation>Preguntar antes (Alt+Arriba)</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Ask later (Alt+Down)</source>
        <translation>Preguntar después (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Record answer…</source>
        <translation>Anotar la respuesta…</translation>
    </message>
    <message>
        <source>After the visit: mark it asked and write down the answer</source>
        <translation>Después de la consulta: márquela como hecha y anote la respuesta</translation>
    </message>
    <message>
        <source>Mark asked</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Mark the question asked, or not asked</source>
        <translation>Marcar la pregunta como hecha o no hecha</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Editar (Intro)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>Eliminar (Supr)</translation>
    </message>
    <message>
        <source>Carry unanswered to next visit</source>
        <translation>Pasar las no respondidas a la próxima consulta</translation>
    </message>
    <message>
        <source>Move the questions of the chosen visit that got no answer to the next planned visit</source>
        <translation>Pasar las preguntas sin respuesta de la consulta elegida a la próxima consulta planificada</translation>
    </message>
    <message>
        <source>Delete the question “{0}”?</source>
        <translation>¿Eliminar la pregunta «{0}»?</translation>
    </message>
    <message>
        <source>Delete these {0} questions?</source>
        <translation>¿Eliminar estas {0} preguntas?</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Eliminar pregunta</translation>
    </message>
    <message>
        <source>Question deleted</source>
        <translation>Pregunta eliminada</translation>
    </message>
    <message>
        <source>Starter questions</source>
        <translation>Preguntas iniciales</translation>
    </message>
    <message>
        <source>Carry unanswered questions</source>
        <translation>Pasar preguntas sin respuesta</translation>
    </message>
    <message>
        <source>There is no later planned visit to carry them to. Plan the next visit in the Visits tab first.</source>
        <translation>No hay ninguna consulta planificada después a la que pasarlas. Primero planifique la próxima consulta en la pestaña Consultas.</translation>
    </message>
    <message>
        <source>Every question of this visit has an answer; nothing to carry.</source>
        <translation>Todas las preguntas de esta consulta tienen respuesta; no hay nada que pasar.</translation>
    </message>
    <message>
        <source>Moved 1 unanswered question to the visit: {0}.</source>
        <translation>Se pasó 1 pregunta sin respuesta a la consulta: {0}.</translation>
    </message>
    <message>
        <source>Moved {0} unanswered questions to the visit: {1}.</source>
        <translation>Se pasaron {0} preguntas sin respuesta a la consulta: {1}.</translation>
    </message>
    <message>
        <source>#</source>
        <extracomment>persist(moved ids, the id they now stand before or None for the end, the order before)</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>For visit</source>
        <translation>Para la consulta</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Sort by # to change the order of the questions</source>
        <translation>Ordene por # para cambiar el orden de las preguntas</translation>
    </message>
    <message>
        <source>Sorted by # again, so the new order shows</source>
        <translation>Ordenado de nuevo por #, para que se vea el nuevo orden</translation>
    </message>
    <message>
        <source>The list had changed; it shows the saved order</source>
        <translation>La lista había cambiado; muestra el orden guardado</translation>
    </message>
    <message>
        <source>Change the order</source>
        <translation>Cambiar el orden</translation>
    </message>
    <message>
        <source>Request records…</source>
        <extracomment>fixes done right here (a change the screen runs) rather than somewhere else in the app</extracomment>
        <translation>Solicitar expedientes…</translation>
    </message>
    <message>
        <source>Open the request</source>
        <translation>Abrir la solicitud</translation>
    </message>
    <message>
        <source>Prepare questions</source>
        <translation>Preparar preguntas</translation>
    </message>
    <message>
        <source>Use my open questions</source>
        <translation>Usar mis preguntas pendientes</translation>
    </message>
    <message>
        <source>Edit the visit…</source>
        <translation>Editar la consulta…</translation>
    </message>
    <message>
        <source>Add a support person…</source>
        <translation>Añadir una persona de apoyo…</translation>
    </message>
    <message>
        <source>Open the doctor&apos;s contact</source>
        <translation>Abrir el contacto del médico</translation>
    </message>
    <message>
        <source>Fix this</source>
        <translation>Resolver esto</translation>
    </message>
    <message>
        <source>Readiness summary</source>
        <extracomment>&quot;Not needed…&quot; beside a list of what the doctor needs: the person adjusts it</extracomment>
        <translation>Resumen de preparación</translation>
    </message>
    <message>
        <source>Ready for this visit</source>
        <translation>Preparación para esta consulta</translation>
    </message>
    <message>
        <source>{done} of {total} ready</source>
        <translation>{done} de {total} listos</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>Sugerencia</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Not needed for this doctor…</source>
        <translation>Este médico no lo necesita…</translation>
    </message>
    <message>
        <source>Choose what this doctor does not need</source>
        <translation>Elegir lo que este médico no necesita</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasado</translation>
    </message>
    <message>
        <source>Waiting on me</source>
        <translation>Esperando por mí</translation>
    </message>
    <message>
        <source>Authorization %1</source>
        <translation>Autorización %1</translation>
    </message>
    <message>
        <source>Ask %1 whether it arrived</source>
        <translation>Pregunte a %1 si llegó</translation>
    </message>
    <message>
        <source>Call %1 and ask when they will send it</source>
        <translation>Llame a %1 y pregunte cuándo lo enviarán</translation>
    </message>
    <message>
        <source>Do what they asked, then mark it requested again</source>
        <translation>Haga lo que le pidieron y vuelva a marcarla como solicitada</translation>
    </message>
    <message>
        <source>Sign a new authorization for %1</source>
        <translation>Firme una nueva autorización para %1</translation>
    </message>
    <message>
        <source>%1 has %2 of %3 records confirmed · %4 on the way · %5 requested · %6 not asked for</source>
        <translation>%1 tiene %2 de %3 registros confirmados · %4 en camino · %5 solicitados · %6 sin solicitar</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>What each doctor has</source>
        <translation>Qué tiene cada médico</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Registro de decisiones</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Record a decision…</source>
        <translation>Anotar una decisión…</translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation>Anotar una decisión</translation>
    </message>
    <message>
        <source>Delete decision</source>
        <translation>Eliminar decisión</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Expedientes</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>De → a</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>✓ Nothing overdue and nothing waiting on you.</source>
        <translation>✓ Nada atrasado y nada esperando por usted.</translation>
    </message>
    <message>
        <source>Nothing needs attention yet.</source>
        <translation>Todavía no hay nada que requiera atención.</translation>
    </message>
    <message>
        <source>%n overdue</source>
        <translation>%n con atraso</translation>
    </message>
    <message>
        <source>%n waiting on you</source>
        <translation>%n esperando por usted</translation>
    </message>
    <message>
        <source>New authorization…</source>
        <translation>Nueva autorización…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>What records</source>
        <translation>Qué expedientes</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revocada</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Authorizations</source>
        <translation>Autorizaciones</translation>
    </message>
    <message>
        <source>Save authorization</source>
        <translation>Guardar autorización</translation>
    </message>
    <message>
        <source>Delete authorization</source>
        <translation>Eliminar autorización</translation>
    </message>
    <message>
        <source>Delete the authorization for %1 to send records to %2?</source>
        <translation>¿Eliminar la autorización para que %1 envíe expedientes a %2?</translation>
    </message>
    <message>
        <source>One request will no longer be linked to it.</source>
        <translation>Una solicitud dejará de estar vinculada a ella.</translation>
    </message>
    <message>
        <source>%n requests will no longer be linked to it.</source>
        <translation>%n solicitudes dejarán de estar vinculadas a ella.</translation>
    </message>
    <message>
        <source>The 30 days apply only when you ask for your own records under HIPAA (your right of access): the holder must act within 30 days, and may extend once, by up to 30 more days, if it tells you in writing within the first 30 days why and by when. Transfers from one provider to another have no such legal deadline.</source>
        <extracomment>the plain icons the Records tab is built with (its actions, menus and views)</extracomment>
        <translation>Los 30 días se aplican solo cuando usted pide sus propios expedientes según la ley HIPAA (su derecho de acceso): el custodio debe responder en 30 días y puede prorrogar una vez, hasta 30 días más, si le explica por escrito dentro de los primeros 30 días el motivo y la nueva fecha. Las transferencias de un proveedor a otro no tienen ese plazo legal.</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Sin enviar</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 día de atraso</translation>
    </message>
    <message>
        <source>%n days overdue</source>
        <translation>%n días de atraso</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>vence hoy</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>vence mañana</translation>
    </message>
    <message>
        <source>in %n days</source>
        <translation>en %n días</translation>
    </message>
    <message>
        <source>is set</source>
        <translation>indicada</translation>
    </message>
    <message>
        <source>Edit record</source>
        <extracomment>what a form hands its typed data to: the operation that stores it, not yet run opens the contact form for a new holder (parent, then); ``then`` gets the saved contact</extracomment>
        <translation>Editar registro</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Nuevo registro</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>e.g. CT chest report, March</source>
        <translation>p. ej., informe de tomografía de tórax, marzo</translation>
    </message>
    <message>
        <source>Date of service</source>
        <translation>Fecha de atención</translation>
    </message>
    <message>
        <source>— not known yet —</source>
        <translation>— todavía no se sabe —</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Lo tiene</translation>
    </message>
    <message>
        <source>Who has this record now (hospital records department, lab…)</source>
        <translation>Quién tiene este registro ahora (departamento de expedientes del hospital, laboratorio…)</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nuevo…</translation>
    </message>
    <message>
        <source>New holder</source>
        <translation>Nuevo custodio</translation>
    </message>
    <message>
        <source>Add the holder to your contacts and choose it</source>
        <translation>Agregar el custodio a sus contactos y elegirlo</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Date of &amp;service:</source>
        <translation>Fecha de &amp;atención:</translation>
    </message>
    <message>
        <source>&amp;Held by:</source>
        <translation>&amp;Lo tiene:</translation>
    </message>
    <message>
        <source>Save with this date</source>
        <translation>Guardar con esta fecha</translation>
    </message>
    <message>
        <source>Edit authorization</source>
        <translation>Editar autorización</translation>
    </message>
    <message>
        <source>New authorization</source>
        <translation>Nueva autorización</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— elegir —</translation>
    </message>
    <message>
        <source>From (holder)</source>
        <translation>De (custodio)</translation>
    </message>
    <message>
        <source>To (recipient)</source>
        <translation>Para (destinatario)</translation>
    </message>
    <message>
        <source>e.g. all records about the diagnosis since January</source>
        <translation>p. ej., todos los expedientes sobre el diagnóstico desde enero</translation>
    </message>
    <message>
        <source>e.g. second opinion</source>
        <translation>p. ej., segunda opinión</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>Fecha de firma</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Fecha de vencimiento</translation>
    </message>
    <message>
        <source>Expiry event</source>
        <translation>Evento de vencimiento</translation>
    </message>
    <message>
        <source>or an event, e.g. end of the second opinion</source>
        <translation>o un evento, p. ej., el fin de la segunda opinión</translation>
    </message>
    <message>
        <source>Date revoked</source>
        <translation>Fecha de revocación</translation>
    </message>
    <message>
        <source>&amp;From (holder):</source>
        <translation>&amp;De (custodio):</translation>
    </message>
    <message>
        <source>&amp;To (recipient):</source>
        <translation>&amp;Para (destinatario):</translation>
    </message>
    <message>
        <source>&amp;What records:</source>
        <translation>&amp;Qué expedientes:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Propósito:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>&amp;Firmada el:</translation>
    </message>
    <message>
        <source>&amp;Expires on:</source>
        <translation>&amp;Vence el:</translation>
    </message>
    <message>
        <source>Expiry e&amp;vent:</source>
        <translation>E&amp;vento de vencimiento:</translation>
    </message>
    <message>
        <source>&amp;Revoked on:</source>
        <translation>&amp;Revocada el:</translation>
    </message>
    <message>
        <source>Default due time</source>
        <translation>Plazo predeterminado</translation>
    </message>
    <message>
        <source>Due after, in days</source>
        <translation>Plazo, en días</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Due after:</source>
        <translation>&amp;Plazo:</translation>
    </message>
    <message>
        <source>New requests fall due this many days after the request date.</source>
        <translation>Las solicitudes nuevas vencen tantos días después de la fecha de la solicitud.</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>Nueva fecha límite</translation>
    </message>
    <message>
        <source>&amp;New due date:</source>
        <translation>&amp;Nueva fecha límite:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>optional, e.g. who you spoke to</source>
        <translation>opcional, p. ej., con quién habló</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ota:</translation>
    </message>
    <message>
        <source>Not requested yet</source>
        <translation>Todavía sin solicitar</translation>
    </message>
    <message>
        <source>Request selected…</source>
        <translation>Solicitar los seleccionados…</translation>
    </message>
    <message>
        <source>Slides and blocks…</source>
        <translation>Laminillas y bloques…</translation>
    </message>
    <message>
        <source>Check a disc…</source>
        <translation>Revisar un disco…</translation>
    </message>
    <message>
        <source>Disc contents…</source>
        <translation>Contenido del disco…</translation>
    </message>
    <message>
        <source>Record</source>
        <extracomment>the request that got an item furthest to a recipient (for &quot;open this request&quot;) the CellState of a cell, as an int each row&apos;s search text, made on the first search (the filter asks for every row)</extracomment>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Where it went</source>
        <translation>Adónde fue</translation>
    </message>
    <message>
        <source>No records yet. Start with the ones a second opinion needs most: the pathology report, imaging reports and images, and recent visit notes.</source>
        <translation>Todavía no hay registros. Empiece por los que más necesita una segunda opinión: el informe de patología, los informes e imágenes de estudios por imágenes y las notas de consultas recientes.</translation>
    </message>
    <message>
        <source>Add the pathology report…</source>
        <translation>Añadir el informe de patología…</translation>
    </message>
    <message>
        <source>this record</source>
        <translation>este registro</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>Guardar registro</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>Eliminar registro</translation>
    </message>
    <message>
        <source>Delete “%1” and take it off the request that lists it?</source>
        <translation>¿Eliminar «%1» y quitarlo de la solicitud que lo incluye?</translation>
    </message>
    <message>
        <source>Delete “%1” and take it off %n requests?</source>
        <translation>¿Eliminar «%1» y quitarlo de %n solicitudes?</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>¿Eliminar «%1»?</translation>
    </message>
    <message>
        <source>To request</source>
        <extracomment>the recipients when the columns were last sized (kept after: the person may drag)</extracomment>
        <translation>Por solicitar</translation>
    </message>
    <message>
        <source>Not requested for %1</source>
        <translation>No solicitado para %1</translation>
    </message>
    <message>
        <source>in 1 request</source>
        <translation>en 1 solicitud</translation>
    </message>
    <message>
        <source>in %n requests</source>
        <translation>en %n solicitudes</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>lo tiene %1</translation>
    </message>
    <message>
        <source>Each row is a record, each column someone it was meant for. “Confirmed” means they told you it arrived; “Not sent” means nothing was asked for yet.</source>
        <translation>Cada fila es un registro y cada columna alguien a quien iba destinado. «Confirmado» significa que le dijeron que llegó; «Sin enviar» significa que todavía no se ha pedido nada.</translation>
    </message>
    <message>
        <source>Who has what</source>
        <translation>Quién tiene qué</translation>
    </message>
    <message>
        <source>Selected request</source>
        <extracomment>the least height of a table in the pane: its header and about three rows</extracomment>
        <translation>Solicitud seleccionada</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>From → to:</source>
        <translation>De → a:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Vence:</translation>
    </message>
    <message>
        <source>Fee, reference:</source>
        <translation>Cargo, referencia:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>History of this request</source>
        <translation>Historial de esta solicitud</translation>
    </message>
    <message>
        <source>Select a request to see its history.</source>
        <translation>Seleccione una solicitud para ver su historial.</translation>
    </message>
    <message>
        <source>not requested yet</source>
        <translation>todavía sin solicitar</translation>
    </message>
    <message>
        <source>(extended from %1)</source>
        <translation>(prorrogada desde %1)</translation>
    </message>
    <message>
        <source>ref. %1</source>
        <translation>ref. %1</translation>
    </message>
    <message>
        <source>New due date %1</source>
        <translation>Nueva fecha límite %1</translation>
    </message>
    <message>
        <source>Details of the selected request</source>
        <extracomment>the least width of the details pane beside the requests</extracomment>
        <translation>Detalles de la solicitud seleccionada</translation>
    </message>
    <message>
        <source>Edit request</source>
        <translation>Editar solicitud</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>Find a record to include</source>
        <translation>Buscar un registro para incluir</translation>
    </message>
    <message>
        <source>Find a record…</source>
        <translation>Buscar un registro…</translation>
    </message>
    <message>
        <source>Records in this request</source>
        <translation>Registros de esta solicitud</translation>
    </message>
    <message>
        <source>Who should get the records: usually the second doctor</source>
        <translation>Quién debe recibir los expedientes: normalmente el segundo médico</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Date requested</source>
        <translation>Fecha de solicitud</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha límite</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>Número de referencia</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorización</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— ninguna —</translation>
    </message>
    <message>
        <source>&amp;Records:</source>
        <translation>&amp;Registros:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Método:</translation>
    </message>
    <message>
        <source>Re&amp;quested on:</source>
        <translation>&amp;Solicitada el:</translation>
    </message>
    <message>
        <source>D&amp;ue on:</source>
        <translation>V&amp;ence el:</translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Fecha de recepción</translation>
    </message>
    <message>
        <source>Sent on:</source>
        <translation>Enviado el:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>Recibido el:</translation>
    </message>
    <message>
        <source>F&amp;ee:</source>
        <translation>&amp;Cargo:</translation>
    </message>
    <message>
        <source>Reference &amp;number:</source>
        <translation>&amp;Número de referencia:</translation>
    </message>
    <message>
        <source>&amp;Authorization:</source>
        <translation>&amp;Autorización:</translation>
    </message>
    <message>
        <source>Authorization warning</source>
        <translation>Aviso sobre la autorización</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Mark reques&amp;ted</source>
        <translation>Marcar como soli&amp;citada</translation>
    </message>
    <message>
        <source>Mark &amp;sent</source>
        <translation>Marcar como &amp;enviada</translation>
    </message>
    <message>
        <source>Mark receive&amp;d</source>
        <translation>Marcar como reci&amp;bida</translation>
    </message>
    <message>
        <source>Record e&amp;xtension…</source>
        <translation>Anotar una pró&amp;rroga…</translation>
    </message>
    <message>
        <source>&amp;Undo last change</source>
        <translation>&amp;Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Take back the last change of state (Ctrl+Z)</source>
        <translation>Revertir el último cambio de estado (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Request &amp;letter…</source>
        <translation>&amp;Carta de solicitud…</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Más</translation>
    </message>
    <message>
        <source>More actions on this request</source>
        <translation>Más acciones para esta solicitud</translation>
    </message>
    <message>
        <source>No requests yet. Add the records you need (your pathology report, imaging, visit notes), then ask the holder to send them to the second-opinion doctor.</source>
        <translation>Todavía no hay solicitudes. Añada los expedientes que necesita (su informe de patología, estudios por imágenes, notas de consultas) y luego pida al custodio que los envíe al médico de la segunda opinión.</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Nueva solicitud…</translation>
    </message>
    <message>
        <source>this request</source>
        <translation>esta solicitud</translation>
    </message>
    <message>
        <source>Mark partly received…</source>
        <translation>Marcar como recibida en parte…</translation>
    </message>
    <message>
        <source>Mark waiting on me…</source>
        <translation>Marcar como esperando por mí…</translation>
    </message>
    <message>
        <source>Mark refused / problem…</source>
        <translation>Marcar como rechazada / con problema…</translation>
    </message>
    <message>
        <source>Open the holder&apos;s contact</source>
        <translation>Abrir el contacto del custodio</translation>
    </message>
    <message>
        <source>Authorization form…</source>
        <translation>Formulario de autorización…</translation>
    </message>
    <message>
        <source>Letter to the current doctor…</source>
        <translation>Carta al médico actual…</translation>
    </message>
    <message>
        <source>Records bundle…</source>
        <translation>Paquete de expedientes…</translation>
    </message>
    <message>
        <source>Edit request…</source>
        <translation>Editar solicitud…</translation>
    </message>
    <message>
        <source>Delete request…</source>
        <translation>Eliminar solicitud…</translation>
    </message>
    <message>
        <source>Default due time…</source>
        <translation>Plazo predeterminado…</translation>
    </message>
    <message>
        <source>Next call</source>
        <translation>Próxima llamada</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Qué se dijo</translation>
    </message>
    <message>
        <source>Insurance calls</source>
        <translation>Llamadas a la aseguradora</translation>
    </message>
    <message>
        <source>The authorization it relies on: %1</source>
        <translation>La autorización en la que se basa: %1</translation>
    </message>
    <message>
        <source>Mark requested</source>
        <translation>Marcar como solicitada</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Marcar como enviada</translation>
    </message>
    <message>
        <source>Mark received (confirmed by the recipient)</source>
        <translation>Marcar como recibida (confirmado por el destinatario)</translation>
    </message>
    <message>
        <source>Mark partly received</source>
        <translation>Marcar como recibida en parte</translation>
    </message>
    <message>
        <source>Mark waiting on me</source>
        <translation>Marcar como esperando por mí</translation>
    </message>
    <message>
        <source>Mark refused / problem</source>
        <translation>Marcar como rechazada / con problema</translation>
    </message>
    <message>
        <source>Record an extension</source>
        <translation>Anotar una prórroga</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>Deshacer el último cambio</translation>
    </message>
    <message>
        <source>Undo “%1” and put this request back to “%2”?</source>
        <translation>¿Deshacer «%1» y devolver esta solicitud a «%2»?</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Cartas</translation>
    </message>
    <message>
        <source>Letters and forms are not available in this version yet.</source>
        <translation>Las cartas y los formularios todavía no están disponibles en esta versión.</translation>
    </message>
    <message>
        <source>Delete request</source>
        <translation>Eliminar solicitud</translation>
    </message>
    <message>
        <source>Delete the request to %1 from %2 for “%3” and its history?</source>
        <translation>¿Eliminar la solicitud a %1 de %2 para «%3» y su historial?</translation>
    </message>
    <message>
        <source>Slides and blocks</source>
        <translation>Laminillas y bloques</translation>
    </message>
    <message>
        <source>Save slides and blocks</source>
        <translation>Guardar laminillas y bloques</translation>
    </message>
    <message>
        <source>Choose the disc or its folder</source>
        <translation>Elija el disco o su carpeta</translation>
    </message>
    <message>
        <source>Reading the disc…</source>
        <translation>Leyendo el disco…</translation>
    </message>
    <message>
        <source>Check a disc</source>
        <translation>Revisar un disco</translation>
    </message>
    <message>
        <source>Disc check progress</source>
        <translation>Progreso de la revisión del disco</translation>
    </message>
    <message>
        <source>Reading the disc: %1 of %2 files…</source>
        <translation>Leyendo el disco: %1 de %2 archivos…</translation>
    </message>
    <message>
        <source>What is on the disc</source>
        <translation>Qué hay en el disco</translation>
    </message>
    <message>
        <source>This disc has not been checked yet. Use “Check a disc…” to read it.</source>
        <translation>Este disco todavía no se ha revisado. Use «Revisar un disco…» para leerlo.</translation>
    </message>
    <message>
        <source>Checked on %1.</source>
        <translation>Revisado el %1.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
    <message>
        <source>Name on the disc: %1</source>
        <translation>Nombre en el disco: %1</translation>
    </message>
    <message>
        <source>%1 images in %2 files.</source>
        <translation>%1 imágenes en %2 archivos.</translation>
    </message>
    <message>
        <source>unknown kind</source>
        <translation>tipo desconocido</translation>
    </message>
    <message>
        <source>• %1 %2 (%3): %4 series, %5 images</source>
        <translation>• %1 %2 (%3): %4 series, %5 imágenes</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <source>study</source>
        <translation>estudio</translation>
    </message>
    <message>
        <source>The disc also carries a viewer program.</source>
        <translation>El disco también trae un programa visor.</translation>
    </message>
    <message>
        <source>USPS</source>
        <translation>USPS</translation>
    </message>
    <message>
        <source>UPS</source>
        <translation>UPS</translation>
    </message>
    <message>
        <source>FedEx</source>
        <translation>FedEx</translation>
    </message>
    <message>
        <source>DHL</source>
        <translation>DHL</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Mensajería</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Return to the lab</source>
        <translation>De vuelta al laboratorio</translation>
    </message>
    <message>
        <source>To the recipient</source>
        <translation>Al destinatario</translation>
    </message>
    <message>
        <source>Log a call</source>
        <translation>Anotar una llamada</translation>
    </message>
    <message>
        <source>Your call to %1 about this request.</source>
        <translation>Su llamada a %1 sobre esta solicitud.</translation>
    </message>
    <message>
        <source>Day of the call</source>
        <translation>Día de la llamada</translation>
    </message>
    <message>
        <source>Spoke with</source>
        <translation>Habló con</translation>
    </message>
    <message>
        <source>e.g. records desk, Ms. Ortiz</source>
        <translation>p. ej., oficina de expedientes, Sra. Ortiz</translation>
    </message>
    <message>
        <source>What they said</source>
        <translation>Qué le dijeron</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>e.g. call again Friday</source>
        <translation>p. ej., volver a llamar el viernes</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <source>&amp;Spoke with:</source>
        <translation>&amp;Habló con:</translation>
    </message>
    <message>
        <source>&amp;What they said:</source>
        <translation>&amp;Qué le dijeron:</translation>
    </message>
    <message>
        <source>&amp;Next step:</source>
        <translation>&amp;Próximo paso:</translation>
    </message>
    <message>
        <source>Follow-up plan</source>
        <translation>Plan de seguimiento</translation>
    </message>
    <message>
        <source>Call after these days</source>
        <translation>Llamar después de estos días</translation>
    </message>
    <message>
        <source>e.g. 10, 20, 30</source>
        <translation>p. ej., 10, 20, 30</translation>
    </message>
    <message>
        <source>Days after the request was sent, separated by commas.</source>
        <translation>Días después de enviar la solicitud, separados por comas.</translation>
    </message>
    <message>
        <source>Day the holder received the request</source>
        <translation>Día en que el custodio recibió la solicitud</translation>
    </message>
    <message>
        <source>&amp;Call after (days):</source>
        <translation>&amp;Llamar después de (días):</translation>
    </message>
    <message>
        <source>&amp;Holder received it:</source>
        <translation>El &amp;custodio la recibió:</translation>
    </message>
    <message>
        <source>For a mailed request, the 30 days run from the day the holder received it; otherwise from the day you sent it.</source>
        <translation>Si la solicitud se envió por correo, los 30 días cuentan desde el día en que el custodio la recibió; si no, desde el día en que usted la envió.</translation>
    </message>
    <message>
        <source>Edit shipment</source>
        <translation>Editar envío</translation>
    </message>
    <message>
        <source>New shipment</source>
        <translation>Nuevo envío</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Dirección del envío</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>Transportista</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de rastreo</translation>
    </message>
    <message>
        <source>as printed on the label</source>
        <translation>tal como aparece en la etiqueta</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Delivery date</source>
        <translation>Fecha de entrega</translation>
    </message>
    <message>
        <source>Signed for by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>&amp;Going:</source>
        <translation>&amp;Sentido:</translation>
    </message>
    <message>
        <source>&amp;Carrier:</source>
        <translation>&amp;Transportista:</translation>
    </message>
    <message>
        <source>&amp;Tracking number:</source>
        <translation>&amp;Número de rastreo:</translation>
    </message>
    <message>
        <source>&amp;Shipped on:</source>
        <translation>&amp;Enviado el:</translation>
    </message>
    <message>
        <source>&amp;Delivered on:</source>
        <translation>En&amp;tregado el:</translation>
    </message>
    <message>
        <source>Si&amp;gned for by:</source>
        <translation>&amp;Firmado por:</translation>
    </message>
    <message>
        <source>Accession number</source>
        <translation>Número de accesión</translation>
    </message>
    <message>
        <source>e.g. S26-04417</source>
        <translation>p. ej., S26-04417</translation>
    </message>
    <message>
        <source>Block IDs</source>
        <translation>Identificadores de bloques</translation>
    </message>
    <message>
        <source>e.g. A1, A2</source>
        <translation>p. ej., A1, A2</translation>
    </message>
    <message>
        <source>Slide IDs</source>
        <translation>Identificadores de laminillas</translation>
    </message>
    <message>
        <source>e.g. A1-1 to A1-6</source>
        <translation>p. ej., A1-1 a A1-6</translation>
    </message>
    <message>
        <source>Originals or recuts</source>
        <translation>Originales o recortes</translation>
    </message>
    <message>
        <source>Original slides (on loan)</source>
        <translation>Laminillas originales (en préstamo)</translation>
    </message>
    <message>
        <source>Recuts (new slides cut from the blocks)</source>
        <translation>Recortes (laminillas nuevas cortadas de los bloques)</translation>
    </message>
    <message>
        <source>H&amp;E slides</source>
        <translation>Laminillas H&amp;E</translation>
    </message>
    <message>
        <source>Unstained recuts</source>
        <translation>Recortes sin teñir</translation>
    </message>
    <message>
        <source>IHC markers</source>
        <translation>Marcadores de IHQ</translation>
    </message>
    <message>
        <source>e.g. ER, PR, HER2 (one slide each)</source>
        <translation>p. ej., ER, PR, HER2 (una laminilla cada uno)</translation>
    </message>
    <message>
        <source>Consult question</source>
        <translation>Pregunta para la consulta</translation>
    </message>
    <message>
        <source>What should the consulting pathologist answer?</source>
        <translation>¿Qué debe responder el patólogo consultor?</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Indicada</translation>
    </message>
    <message>
        <source>Return by</source>
        <translation>Devolver antes del</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>Devuelto</translation>
    </message>
    <message>
        <source>Sent back on</source>
        <translation>Devuelto el</translation>
    </message>
    <message>
        <source>Received back, confirmed</source>
        <translation>Recibido de vuelta, confirmado</translation>
    </message>
    <message>
        <source>&amp;Accession number:</source>
        <translation>&amp;Número de accesión:</translation>
    </message>
    <message>
        <source>&amp;Block IDs:</source>
        <translation>Identificadores de &amp;bloques:</translation>
    </message>
    <message>
        <source>S&amp;lide IDs:</source>
        <translation>Identificadores de &amp;laminillas:</translation>
    </message>
    <message>
        <source>&amp;Originals or recuts:</source>
        <translation>&amp;Originales o recortes:</translation>
    </message>
    <message>
        <source>&amp;H&amp;&amp;E slides:</source>
        <translation>Laminillas &amp;H&amp;&amp;E:</translation>
    </message>
    <message>
        <source>&amp;Unstained recuts:</source>
        <translation>Recortes sin &amp;teñir:</translation>
    </message>
    <message>
        <source>&amp;IHC markers:</source>
        <translation>Marcadores de &amp;IHQ:</translation>
    </message>
    <message>
        <source>Consult &amp;question:</source>
        <translation>&amp;Pregunta para la consulta:</translation>
    </message>
    <message>
        <source>&amp;Return by:</source>
        <translation>&amp;Devolver antes del:</translation>
    </message>
    <message>
        <source>Sent bac&amp;k on:</source>
        <translation>De&amp;vuelto el:</translation>
    </message>
    <message>
        <source>Back at the lab, &amp;confirmed:</source>
        <translation>De vuelta en el laboratorio, &amp;confirmado:</translation>
    </message>
    <message>
        <source>IHC</source>
        <translation>IHQ</translation>
    </message>
    <message>
        <source>No call planned</source>
        <translation>No hay ninguna llamada planificada</translation>
    </message>
    <message>
        <source>%1 (since %n days)</source>
        <translation>%1 (hace %n días)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Next follow-up call</source>
        <translation>Próxima llamada de seguimiento</translation>
    </message>
    <message>
        <source>Legal clock</source>
        <translation>Plazo legal</translation>
    </message>
    <message>
        <source>30 days from the day the holder received the request, if known.</source>
        <translation>30 días desde el día en que el custodio recibió la solicitud, si se sabe.</translation>
    </message>
    <message>
        <source>Next call:</source>
        <translation>Próxima llamada:</translation>
    </message>
    <message>
        <source>30 days end:</source>
        <translation>Fin de los 30 días:</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>&amp;Anotar una llamada…</translation>
    </message>
    <message>
        <source>Follow-up &amp;plan…</source>
        <translation>&amp;Plan de seguimiento…</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Calls and shipments</source>
        <translation>Llamadas y envíos</translation>
    </message>
    <message>
        <source>Calls about this request</source>
        <translation>Llamadas sobre esta solicitud</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Envíos</translation>
    </message>
    <message>
        <source>Add &amp;shipment…</source>
        <translation>Añadir &amp;envío…</translation>
    </message>
    <message>
        <source>&amp;Copy tracking number</source>
        <translation>&amp;Copiar el número de rastreo</translation>
    </message>
    <message>
        <source>&amp;Open tracking page</source>
        <translation>&amp;Abrir la página de rastreo</translation>
    </message>
    <message>
        <source>Opens the carrier&apos;s page in your web browser.</source>
        <translation>Abre la página del transportista en su navegador web.</translation>
    </message>
    <message>
        <source>Shipments of this request</source>
        <translation>Envíos de esta solicitud</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>todavía sin enviar</translation>
    </message>
    <message>
        <source>Tracking number copied.</source>
        <translation>Número de rastreo copiado.</translation>
    </message>
    <message>
        <source>Save shipment</source>
        <translation>Guardar envío</translation>
    </message>
    <message>
        <source>Delete shipment</source>
        <translation>Eliminar envío</translation>
    </message>
    <message>
        <source>Delete the shipment %1 from this request?</source>
        <translation>¿Eliminar el envío %1 de esta solicitud?</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Guía</translation>
    </message>
    <message>
        <source>Doctors &amp;&amp; contacts</source>
        <translation>Médicos y contactos</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Search documents…</source>
        <extracomment>what the screen shows: sources are contacts; links name records, visits and opinions</extracomment>
        <translation>Buscar documentos…</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Buscar documentos</translation>
    </message>
    <message>
        <source>Show documents of kind</source>
        <translation>Mostrar documentos del tipo</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Add the files or the picture on the clipboard</source>
        <translation>Añadir los archivos o la imagen del portapapeles</translation>
    </message>
    <message>
        <source>Add the files or picture you copied (Ctrl+V)</source>
        <translation>Añadir los archivos o la imagen que copió (Ctrl+V)</translation>
    </message>
    <message>
        <source>&amp;Add documents…</source>
        <translation>&amp;Añadir documentos…</translation>
    </message>
    <message>
        <source>Choose files, or drop them on this tab</source>
        <translation>Elija archivos o suéltelos en esta pestaña</translation>
    </message>
    <message>
        <source>Add the first document…</source>
        <translation>Añadir el primer documento…</translation>
    </message>
    <message>
        <source>Add the first document</source>
        <translation>Añadir el primer documento</translation>
    </message>
    <message>
        <source>No documents yet. Add your records themselves here (reports, scans, photos of letters): choose files, drop them on this page, or paste them. They are kept encrypted in the vault and can go into a visit&apos;s packet.</source>
        <translation>Todavía no hay documentos. Añada aquí sus expedientes (informes, escaneos, fotos de cartas): elija archivos, suéltelos en esta página o péguelos. Se guardan cifrados en la bóveda y pueden ir en el paquete de una consulta.</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Datos…</translation>
    </message>
    <message>
        <source>Edit the document&apos;s details</source>
        <translation>Editar los datos del documento</translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation>Eliminar el documento</translation>
    </message>
    <message>
        <source>Link a document</source>
        <translation>Vincular un documento</translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Eliminar documento</translation>
    </message>
    <message>
        <source>Delete “{title}” ({size}) and its content from the vault? Its links go too. This cannot be undone.</source>
        <translation>¿Eliminar «{title}» ({size}) y su contenido de la bóveda? También se eliminan sus vínculos. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>Se eliminó «{title}».</translation>
    </message>
    <message>
        <source>Records page</source>
        <extracomment>what &quot;today&quot; is; replaceable so a test or a screenshot can fix the date the form currently open (tests fill it in and accept it) the lists whose columns were sized (once, when they first had rows)</extracomment>
        <translation>Página de expedientes</translation>
    </message>
    <message>
        <source>Records views</source>
        <translation>Vistas de expedientes</translation>
    </message>
    <message>
        <source>Search records, holders, references…</source>
        <translation>Buscar registros, custodios, referencias…</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Buscar registros</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Not received yet</source>
        <translation>Todavía sin recibir</translation>
    </message>
    <message>
        <source>Filter by holder</source>
        <translation>Filtrar por custodio</translation>
    </message>
    <message>
        <source>Filter by recipient</source>
        <translation>Filtrar por destinatario</translation>
    </message>
    <message>
        <source>Filter by kind of record</source>
        <translation>Filtrar por tipo de registro</translation>
    </message>
    <message>
        <source>New &amp;record</source>
        <translation>Nuevo &amp;registro</translation>
    </message>
    <message>
        <source>Add a record that exists (a report, images…)</source>
        <translation>Añadir un registro que existe (un informe, imágenes…)</translation>
    </message>
    <message>
        <source>New re&amp;quest</source>
        <translation>Nueva soli&amp;citud</translation>
    </message>
    <message>
        <source>Ask a holder to send records (Ctrl+N)</source>
        <translation>Pedir a un custodio que envíe expedientes (Ctrl+N)</translation>
    </message>
    <message>
        <source>Could not load the records</source>
        <translation>No se pudieron cargar los expedientes</translation>
    </message>
    <message>
        <source>Requests (%n open)</source>
        <translation>Solicitudes (%n abiertas)</translation>
    </message>
    <message>
        <source>Record items (%n not requested)</source>
        <translation>Registros (%n sin solicitar)</translation>
    </message>
    <message>
        <source>Authorizations (%n expired or revoked)</source>
        <translation>Autorizaciones (%n vencidas o revocadas)</translation>
    </message>
    <message>
        <source>Records (%n overdue)</source>
        <translation>Expedientes (%n con atraso)</translation>
    </message>
    <message>
        <source>All holders</source>
        <translation>Todos los custodios</translation>
    </message>
    <message>
        <source>All recipients</source>
        <translation>Todos los destinatarios</translation>
    </message>
    <message>
        <source>Could not load the contacts</source>
        <translation>No se pudieron cargar los contactos</translation>
    </message>
    <message>
        <source>Add the holder first</source>
        <translation>Primero añada al custodio</translation>
    </message>
    <message>
        <source>A request goes from someone who holds your records to someone who needs them. Add them in Doctors &amp; contacts first.</source>
        <translation>Una solicitud va de alguien que tiene sus expedientes a alguien que los necesita. Primero añádalos en Médicos y contactos.</translation>
    </message>
    <message>
        <source>First add the record you want to request.</source>
        <translation>Primero añada el registro que quiere solicitar.</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Guardar solicitud</translation>
    </message>
    <message>
        <source>Records from %1 are 1 day overdue</source>
        <extracomment>the values of ``case.today.When`` (a StrEnum, equal to these), without importing it here</extracomment>
        <translation>Los expedientes de %1 llevan 1 día de atraso</translation>
    </message>
    <message>
        <source>Records from %1 are %n days overdue</source>
        <translation>Los expedientes de %1 llevan %n días de atraso</translation>
    </message>
    <message>
        <source>Call %1 about the records request</source>
        <translation>Llame a %1 por la solicitud de expedientes</translation>
    </message>
    <message>
        <source>(1 day overdue)</source>
        <translation>(1 día de atraso)</translation>
    </message>
    <message>
        <source>(%n days overdue)</source>
        <translation>(%n días de atraso)</translation>
    </message>
    <message>
        <source>Send the slides back to %1</source>
        <translation>Devuelva las laminillas a %1</translation>
    </message>
    <message>
        <source>the lab</source>
        <translation>el laboratorio</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>%1 of %2 ready</source>
        <translation>%1 de %2 listos</translation>
    </message>
    <message>
        <source>Visit with %1 (%2)</source>
        <translation>Consulta con %1 (%2)</translation>
    </message>
    <message>
        <source>1 question unanswered after the visit with %1</source>
        <translation>1 pregunta sin respuesta después de la consulta con %1</translation>
    </message>
    <message>
        <source>%n questions unanswered after the visit with %1</source>
        <translation>%n preguntas sin respuesta después de la consulta con %1</translation>
    </message>
    <message>
        <source>Log the call…</source>
        <translation>Anotar la llamada…</translation>
    </message>
    <message>
        <source>Open the slides…</source>
        <translation>Abrir las laminillas…</translation>
    </message>
    <message>
        <source>Write down the answers</source>
        <translation>Anotar las respuestas</translation>
    </message>
    <message>
        <source>Prepare the packet…</source>
        <translation>Preparar el paquete…</translation>
    </message>
    <message>
        <source>See what is missing</source>
        <translation>Ver qué falta</translation>
    </message>
    <message>
        <source>Today&apos;s summary</source>
        <extracomment>what &quot;now&quot; is; replaceable so a test or a screenshot can fix the date</extracomment>
        <translation>Resumen de hoy</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>What to do today and this week</source>
        <translation>Qué hacer hoy y esta semana</translation>
    </message>
    <message>
        <source>Do the selected task</source>
        <translation>Hacer la tarea seleccionada</translation>
    </message>
    <message>
        <source>Open the guide: getting a second opinion, step by step</source>
        <translation>Abrir la guía: cómo obtener una segunda opinión, paso a paso</translation>
    </message>
    <message>
        <source>Nothing needs you today or this week. Calls, records running late, slides to send back and coming visits will show here when they do. Just starting? The guide takes you through getting a second opinion, step by step.</source>
        <translation>Nada requiere su atención hoy ni esta semana. Las llamadas, los expedientes atrasados, las laminillas que hay que devolver y las próximas consultas aparecerán aquí cuando corresponda. ¿Está empezando? La guía lo acompaña paso a paso para obtener una segunda opinión.</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>Nada que hacer</translation>
    </message>
    <message>
        <source>Looking at your case…</source>
        <translation>Revisando su caso…</translation>
    </message>
    <message>
        <source>Could not look at today&apos;s tasks</source>
        <translation>No se pudieron revisar las tareas de hoy</translation>
    </message>
    <message>
        <source>All clear for now.</source>
        <translation>Todo en orden por ahora.</translation>
    </message>
    <message>
        <source>%n things to do today</source>
        <translation>%n tareas para hoy</translation>
    </message>
    <message>
        <source>1 thing to do today</source>
        <translation>1 tarea para hoy</translation>
    </message>
    <message>
        <source>%n later this week</source>
        <translation>%n más adelante esta semana</translation>
    </message>
    <message>
        <source>Today (%n)</source>
        <translation>Hoy (%n)</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>Desde el %1</translation>
    </message>
    <message>
        <source>Select a task</source>
        <translation>Seleccione una tarea</translation>
    </message>
    <message>
        <source>Save an encrypted backup</source>
        <translation>Guardar una copia de seguridad cifrada</translation>
    </message>
    <message>
        <source>Second Opinion backups (*.sobackup)</source>
        <translation>Copias de seguridad de Second Opinion (*.sobackup)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Escribiendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Backup saved. It opens with your current passphrase.</source>
        <translation>Copia de seguridad guardada. Se abre con su frase de contraseña actual.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Passphrase of the backup (the one in use when it was made):</source>
        <translation>Frase de contraseña de la copia de seguridad (la que usaba cuando se hizo):</translation>
    </message>
    <message>
        <source>This backup ({name}) is of a different vault, not of the one you have open: restoring it replaces your vault with that other one. Your vault is kept as a copy in the backups folder. Replace it?</source>
        <translation>Esta copia de seguridad ({name}) es de otra bóveda, no de la que tiene abierta: al restaurarla, su bóveda se reemplaza por esa otra. Su bóveda se guarda como copia en la carpeta de copias de seguridad. ¿Reemplazarla?</translation>
    </message>
    <message>
        <source>Replace the vault with this backup? Changes made since the backup will be replaced; the current vault is kept as a copy in the backups folder.</source>
        <translation>¿Reemplazar la bóveda por esta copia de seguridad? Los cambios hechos desde la copia se reemplazarán; la bóveda actual se guarda como copia en la carpeta de copias de seguridad.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>The backup was restored. Unlock it with the backup&apos;s passphrase.</source>
        <translation>Se restauró la copia de seguridad. Desbloquéela con la frase de contraseña de la copia.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Cambiando la frase de contraseña…</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Se cambió la frase de contraseña.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Date passed — mark as done?</source>
        <translation>La fecha ya pasó: ¿marcarla como hecha?</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>In %n days</source>
        <translation>En %n días</translation>
    </message>
    <message>
        <source>Telemedicine (no link yet)</source>
        <translation>Telemedicina (todavía sin enlace)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>No visit planned. Add the next one when it is booked.</source>
        <translation>No hay ninguna consulta planificada. Añada la próxima cuando la tenga programada.</translation>
    </message>
    <message>
        <source>Next visit: {doctor}, {when} — {countdown}</source>
        <translation>Próxima consulta: {doctor}, {when} — {countdown}</translation>
    </message>
    <message>
        <source>1 thing still missing</source>
        <translation>Todavía falta 1 cosa</translation>
    </message>
    <message>
        <source>{n} things still missing</source>
        <translation>Todavía faltan {n} cosas</translation>
    </message>
    <message>
        <source>Duration: {minutes} min</source>
        <translation>Duración: {minutes} min</translation>
    </message>
    <message>
        <source>Video link: {link}</source>
        <translation>Enlace de video: {link}</translation>
    </message>
    <message>
        <source>Video visit: no link yet</source>
        <translation>Consulta por video: todavía sin enlace</translation>
    </message>
    <message>
        <source>Address: {place}</source>
        <translation>Dirección: {place}</translation>
    </message>
    <message>
        <source>Companion: {name}</source>
        <translation>Acompañante: {name}</translation>
    </message>
    <message>
        <source>obtained</source>
        <translation>obtenido</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>Referral: {state}</source>
        <translation>Referido: {state}</translation>
    </message>
    <message>
        <source>Prior authorization: {state}</source>
        <translation>Autorización previa: {state}</translation>
    </message>
    <message>
        <source>Expected cost: {cost}</source>
        <translation>Costo previsto: {cost}</translation>
    </message>
    <message>
        <source>Questions for this visit: {n}</source>
        <translation>Preguntas para esta consulta: {n}</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>Prepare &amp;visit packet…</source>
        <translation>Preparar el &amp;paquete para la consulta…</translation>
    </message>
    <message>
        <source>Export contacts as &amp;vCard…</source>
        <translation>Exportar contactos como &amp;vCard…</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>Exportar &amp;calendario…</translation>
    </message>
    <message>
        <source>One calendar file with every visit, due date, follow-up call and return date.</source>
        <translation>Un archivo de calendario con cada consulta, fecha límite, llamada de seguimiento y fecha de devolución.</translation>
    </message>
    <message>
        <source>&amp;Import health records…</source>
        <translation>&amp;Importar expedientes de salud…</translation>
    </message>
    <message>
        <source>Read a C-CDA (XML) or FHIR (JSON) file from a patient portal; you see what it holds before anything is added.</source>
        <translation>Lee un archivo C-CDA (XML) o FHIR (JSON) de un portal del paciente; usted ve lo que contiene antes de que se añada nada.</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <source>&amp;Find in this tab</source>
        <translation>&amp;Buscar en esta pestaña</translation>
    </message>
    <message>
        <source>Find &amp;anything…</source>
        <translation>Buscar &amp;cualquier cosa…</translation>
    </message>
    <message>
        <source>&amp;Profile and insurance…</source>
        <translation>&amp;Perfil y seguro médico…</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>Pr&amp;eferencias…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Guía</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Not medical advice</source>
        <translation>&amp;No es consejo médico</translation>
    </message>
    <message>
        <source>&amp;About Second Opinion</source>
        <translation>&amp;Acerca de Second Opinion</translation>
    </message>
    <message>
        <source>Add someone else&apos;s case…</source>
        <translation>Añadir el caso de otra persona…</translation>
    </message>
    <message>
        <source>Start a separate case for someone you help. To add a doctor, use Doctors &amp; contacts.</source>
        <translation>Empiece un caso aparte para alguien a quien ayuda. Para añadir un médico, use Médicos y contactos.</translation>
    </message>
    <message>
        <source>Rename this person…</source>
        <translation>Cambiar el nombre de esta persona…</translation>
    </message>
    <message>
        <source>Delete this person&apos;s case…</source>
        <translation>Eliminar el caso de esta persona…</translation>
    </message>
    <message>
        <source>This authorization lets records go to %1, not to this request&apos;s recipient.</source>
        <translation>Esta autorización permite enviar los expedientes a %1, no al destinatario de esta solicitud.</translation>
    </message>
    <message>
        <source>This authorization is for records held by %1, not by this request&apos;s holder.</source>
        <translation>Esta autorización es para expedientes que tiene %1, no el custodio de esta solicitud.</translation>
    </message>
    <message>
        <source>It expired on %1.</source>
        <translation>Venció el %1.</translation>
    </message>
    <message>
        <source>It has expired.</source>
        <translation>Ya venció.</translation>
    </message>
    <message>
        <source>It was revoked.</source>
        <translation>Fue revocada.</translation>
    </message>
    <message>
        <source>The form would carry the terms of the authorization from %1 to %2, but this request is from %3 to %4.</source>
        <translation>El formulario llevaría los términos de la autorización de %1 a %2, pero esta solicitud es de %3 a %4.</translation>
    </message>
    <message>
        <source>A records office may refuse a form that does not match. Print it anyway?</source>
        <translation>Una oficina de expedientes puede rechazar un formulario que no coincide. ¿Imprimirlo de todos modos?</translation>
    </message>
    <message>
        <source>requested for this doctor</source>
        <translation>solicitado para este médico</translation>
    </message>
    <message>
        <source>fits their specialty</source>
        <translation>corresponde a su especialidad</translation>
    </message>
    <message>
        <source>What %1 needs</source>
        <translation>Lo que necesita %1</translation>
    </message>
    <message>
        <source>These are the records this doctor is expected to need: those requested for them, and those that fit their specialty. Untick any they do not need; it is then no longer listed as missing for their visit.</source>
        <translation>Estos son los registros que este médico probablemente necesita: los que se solicitaron para él y los que corresponden a su especialidad. Desmarque los que no necesite; así ya no aparecerán como faltantes para su consulta.</translation>
    </message>
    <message>
        <source>Records this doctor needs</source>
        <translation>Registros que necesita este médico</translation>
    </message>
    <message>
        <source>No records are requested for this doctor yet.</source>
        <translation>Todavía no se han solicitado registros para este médico.</translation>
    </message>
    <message>
        <source>&amp;Needed:</source>
        <translation>&amp;Necesarios:</translation>
    </message>
    <message>
        <source>What this doctor needs</source>
        <translation>Lo que necesita este médico</translation>
    </message>
    <message>
        <source>Your address</source>
        <translation>Su dirección</translation>
    </message>
    <message>
        <source>Street, city and ZIP code, for letters</source>
        <translation>Calle, ciudad y código postal, para las cartas</translation>
    </message>
    <message>
        <source>Your phone</source>
        <translation>Su teléfono</translation>
    </message>
    <message>
        <source>Where a records office can call you back</source>
        <translation>Donde una oficina de expedientes le puede devolver la llamada</translation>
    </message>
    <message>
        <source>Your e-mail</source>
        <translation>Su correo electrónico</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Guardar contacto</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Change call</source>
        <translation>Cambiar llamada</translation>
    </message>
    <message>
        <source>Add a call</source>
        <translation>Añadir una llamada</translation>
    </message>
    <message>
        <source>Date of the call</source>
        <translation>Fecha de la llamada</translation>
    </message>
    <message>
        <source>Who you spoke to</source>
        <translation>Con quién habló</translation>
    </message>
    <message>
        <source>e.g. Maria in member services</source>
        <translation>p. ej., María, de servicios para afiliados</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>Número de referencia</translation>
    </message>
    <message>
        <source>The number they gave for this call</source>
        <translation>El número que le dieron para esta llamada</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Qué se dijo</translation>
    </message>
    <message>
        <source>What they told you, in your own words</source>
        <translation>Lo que le dijeron, en sus propias palabras</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>&amp;Spoke with:</source>
        <translation>&amp;Habló con:</translation>
    </message>
    <message>
        <source>&amp;Reference number:</source>
        <translation>&amp;Número de referencia:</translation>
    </message>
    <message>
        <source>&amp;What was said:</source>
        <translation>&amp;Qué se dijo:</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>The vault is re-encrypted with the new passphrase. Backups made earlier keep opening with the passphrase they were made with.</source>
        <translation>La bóveda se vuelve a cifrar con la nueva frase de contraseña. Las copias de seguridad hechas antes se siguen abriendo con la frase de contraseña con la que se hicieron.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repita la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Frase de contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nueva frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Fill in the current and the new passphrase.</source>
        <translation>Escriba la frase de contraseña actual y la nueva.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>Las dos frases de contraseña nuevas no son iguales.</translation>
    </message>
</context>
<context>
    <name>ComparisonPane</name>
    <message>
        <source>Side by side</source>
        <extracomment>(field, Verdict or None): the person&apos;s verdict on the selected row</extracomment>
        <translation>Lado a lado</translation>
    </message>
    <message>
        <source>Comparison verdict</source>
        <translation>Conclusión de la comparación</translation>
    </message>
    <message>
        <source>Comparison summary</source>
        <translation>Resumen de la comparación</translation>
    </message>
    <message>
        <source>What to do when opinions differ…</source>
        <translation>Qué hacer cuando las opiniones difieren…</translation>
    </message>
    <message>
        <source>Open the guide step on differing opinions and a third opinion</source>
        <translation>Abrir el paso de la guía sobre opiniones diferentes y una tercera opinión</translation>
    </message>
    <message>
        <source>Opinions side by side</source>
        <translation>Opiniones lado a lado</translation>
    </message>
    <message>
        <source>Do they mean the same? For the selected row:</source>
        <translation>¿Quieren decir lo mismo? Para la fila seleccionada:</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>Igual</translation>
    </message>
    <message>
        <source>Mark the selected row: they mean the same</source>
        <translation>Marcar la fila seleccionada: quieren decir lo mismo</translation>
    </message>
    <message>
        <source>Different</source>
        <translation>Diferente</translation>
    </message>
    <message>
        <source>Mark the selected row: they really differ</source>
        <translation>Marcar la fila seleccionada: de verdad son distintos</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>No estoy seguro</translation>
    </message>
    <message>
        <source>Take back my mark on the selected row</source>
        <translation>Quitar mi marca de la fila seleccionada</translation>
    </message>
    <message>
        <source>Add a second opinion to see both side by side.</source>
        <translation>Añada una segunda opinión para ver ambas lado a lado.</translation>
    </message>
    <message>
        <source>Opinions you add will show here side by side.</source>
        <translation>Las opiniones que añada se mostrarán aquí lado a lado.</translation>
    </message>
    <message>
        <source>The opinions differ</source>
        <translation>Las opiniones difieren</translation>
    </message>
    <message>
        <source>Worded differently</source>
        <translation>Dicho con otras palabras</translation>
    </message>
    <message>
        <source>No difference found</source>
        <translation>No se encontraron diferencias</translation>
    </message>
</context>
<context>
    <name>ContactDeletion</name>
    <message>
        <source>Delete contact</source>
        <translation>Eliminar contacto</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: {what} still refer to this contact. Change or delete those first.</source>
        <translation>No se puede eliminar a {name}: {what} todavía hacen referencia a este contacto. Cámbielos o elimínelos primero.</translation>
    </message>
    <message>
        <source>Delete {name} and unlink {what}?</source>
        <translation>¿Eliminar a {name} y desvincular {what}?</translation>
    </message>
    <message>
        <source>Delete {name}? This cannot be undone.</source>
        <translation>¿Eliminar a {name}? Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Contact deleted</source>
        <translation>Contacto eliminado</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Edit contact</source>
        <translation>Editar contacto</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Añadir un contacto</translation>
    </message>
    <message>
        <source>Independence check</source>
        <translation>Revisión de independencia</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>e.g. Dr. Ana Rao, or Mercy Hospital records</source>
        <translation>p. ej., Dra. Ana Rao, o expedientes del Hospital Mercy</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>e.g. Medical oncology</source>
        <translation>p. ej., oncología médica</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Practice, hospital or clinic</source>
        <translation>Consultorio, hospital o clínica</translation>
    </message>
    <message>
        <source>Health system</source>
        <translation>Sistema de salud</translation>
    </message>
    <message>
        <source>The network the organization belongs to</source>
        <translation>La red a la que pertenece la organización</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Any format, e.g. (555) 010-2030</source>
        <translation>Cualquier formato, p. ej., (555) 010-2030</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Records often travel by fax</source>
        <translation>Los expedientes suelen enviarse por fax</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>e.g. mychart.example.org</source>
        <translation>p. ej., mychart.example.org</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Recommended by</source>
        <translation>Recomendado por</translation>
    </message>
    <message>
        <source>Who suggested this doctor</source>
        <translation>Quién le sugirió este médico</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Person or organization</source>
        <translation>Persona u organización</translation>
    </message>
    <message>
        <source>Role in this case</source>
        <translation>Función en este caso</translation>
    </message>
    <message>
        <source>In my insurer&apos;s network</source>
        <translation>En la red de mi aseguradora</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Role in this case:</source>
        <translation>&amp;Función en este caso:</translation>
    </message>
    <message>
        <source>&amp;Specialty:</source>
        <translation>&amp;Especialidad:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>&amp;Health system:</source>
        <translation>&amp;Sistema de salud:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Fax:</source>
        <translation>&amp;Fax:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>Patient p&amp;ortal:</source>
        <translation>Portal del p&amp;aciente:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>Sitio &amp;web:</translation>
    </message>
    <message>
        <source>Recommended &amp;by:</source>
        <translation>Recomendado &amp;por:</translation>
    </message>
    <message>
        <source>&amp;In network:</source>
        <translation>&amp;En la red:</translation>
    </message>
    <message>
        <source>No&amp;tes:</source>
        <translation>No&amp;tas:</translation>
    </message>
    <message>
        <source>May not be independent.</source>
        <translation>Puede que no sea independiente.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>May not be independent</source>
        <translation>Puede que no sea independiente</translation>
    </message>
    <message>
        <source>Search doctors, organizations, specialties, numbers…</source>
        <translation>Buscar médicos, organizaciones, especialidades, números…</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Buscar contactos</translation>
    </message>
    <message>
        <source>Show contacts with this role</source>
        <translation>Mostrar contactos con esta función</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Todas las funciones</translation>
    </message>
    <message>
        <source>All doctors</source>
        <translation>Todos los médicos</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar datos</translation>
    </message>
    <message>
        <source>Copy the contact&apos;s details</source>
        <translation>Copiar los datos del contacto</translation>
    </message>
    <message>
        <source>Copies name, numbers and addresses; the clipboard is cleared after 30 s.</source>
        <translation>Copia el nombre, los números y las direcciones; el portapapeles se borra después de 30 s.</translation>
    </message>
    <message>
        <source>vCard</source>
        <translation>vCard</translation>
    </message>
    <message>
        <source>Import or export vCards</source>
        <translation>Importar o exportar vCards</translation>
    </message>
    <message>
        <source>Import from vCard…</source>
        <translation>Importar desde vCard…</translation>
    </message>
    <message>
        <source>Export as vCard…</source>
        <translation>Exportar como vCard…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the contact</source>
        <translation>Editar el contacto</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the contact</source>
        <translation>Eliminar el contacto</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Añadir contacto</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>No contact matches this search or filter.</source>
        <translation>Ningún contacto coincide con esta búsqueda o filtro.</translation>
    </message>
    <message>
        <source>Add the first-opinion doctor</source>
        <translation>Añadir al médico de la primera opinión</translation>
    </message>
    <message>
        <source>Import from a vCard file…</source>
        <translation>Importar desde un archivo vCard…</translation>
    </message>
    <message>
        <source>Import contacts from a vCard file</source>
        <translation>Importar contactos desde un archivo vCard</translation>
    </message>
    <message>
        <source>No doctors yet. Add the doctor who gave your first opinion.</source>
        <translation>Todavía no hay médicos. Añada al médico que le dio la primera opinión.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role in this case</source>
        <translation>Función en este caso</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Health system: {0}</source>
        <translation>Sistema de salud: {0}</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Independence</source>
        <translation>Independencia</translation>
    </message>
    <message>
        <source>Doctors &amp; contacts</source>
        <translation>Médicos y contactos</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Guardar contacto</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contacto guardado</translation>
    </message>
    <message>
        <source>Details copied; the clipboard is cleared in 30 seconds</source>
        <translation>Datos copiados; el portapapeles se borra en 30 segundos</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>Record a decision</source>
        <translation>Anotar una decisión</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>Fecha de la decisión</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>e.g. Go ahead with surgery at City Hospital</source>
        <translation>p. ej., seguir adelante con la cirugía en el City Hospital</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>&amp;Decisión:</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>What made you decide</source>
        <translation>Qué le hizo decidir</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Por qué:</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>YYYY-MM-DD, or empty</source>
        <translation>AAAA-MM-DD, o vacío</translation>
    </message>
    <message>
        <source>Write the date as year-month-day, e.g. 2026-03-15.</source>
        <translation>Escriba la fecha como año-mes-día, p. ej., 2026-03-15.</translation>
    </message>
    <message>
        <source>Saving the health summary</source>
        <translation>Guardando el resumen de salud</translation>
    </message>
</context>
<context>
    <name>FinderDialog</name>
    <message>
        <source>Find anything</source>
        <translation>Buscar cualquier cosa</translation>
    </message>
    <message>
        <source>Search the whole case</source>
        <translation>Buscar en todo el caso</translation>
    </message>
    <message>
        <source>Search contacts, records, questions, visits, opinions, documents</source>
        <translation>Buscar contactos, expedientes, preguntas, consultas, opiniones, documentos</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <source>Type a name, a word or a phone number. Enter opens the result in its tab.</source>
        <extracomment>the text whose results are (or will be) shown the text of the search on its way, if one is</extracomment>
        <translation>Escriba un nombre, una palabra o un número de teléfono. Intro abre el resultado en su pestaña.</translation>
    </message>
    <message>
        <source>Nothing matches “{text}”.</source>
        <translation>Nada coincide con «{text}».</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Problems to fix before saving</source>
        <translation>Problemas que corregir antes de guardar</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>Close this form without saving what you typed?</source>
        <translation>¿Cerrar este formulario sin guardar lo que escribió?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>GuideTab</name>
    <message>
        <source>Your progress</source>
        <extracomment>the areas whose data can tick guide items</extracomment>
        <translation>Su progreso</translation>
    </message>
    <message>
        <source>Guide progress</source>
        <translation>Progreso en la guía</translation>
    </message>
    <message>
        <source>Guide progress bar</source>
        <translation>Barra de progreso de la guía</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Steps of the guide</source>
        <translation>Pasos de la guía</translation>
    </message>
    <message>
        <source>Step page</source>
        <translation>Página del paso</translation>
    </message>
    <message>
        <source>Step title</source>
        <translation>Título del paso</translation>
    </message>
    <message>
        <source>Step text</source>
        <translation>Texto del paso</translation>
    </message>
    <message>
        <source>Your checklist for this step</source>
        <translation>Su lista de tareas para este paso</translation>
    </message>
    <message>
        <source>Ticks are saved straight away, separately for each person.</source>
        <translation>Las marcas se guardan en el momento, por separado para cada persona.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Paso anterior</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Próximo paso</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>Empiece aquí</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} de {total}</translation>
    </message>
    <message>
        <source>Guide ({done}/{total})</source>
        <translation>Guía ({done}/{total})</translation>
    </message>
    <message>
        <source>All {total} steps done</source>
        <translation>Los {total} pasos están hechos</translation>
    </message>
    <message>
        <source>{done} of {total} steps done</source>
        <translation>{done} de {total} pasos hechos</translation>
    </message>
    <message>
        <source>Step {number} of {total}</source>
        <translation>Paso {number} de {total}</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Antes de empezar</translation>
    </message>
    <message>
        <source>Next: {title}</source>
        <translation>Siguiente: {title}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>{action}: {item}</source>
        <translation>{action}: {item}</translation>
    </message>
    <message>
        <source>Opens the place in the app where you can do this</source>
        <translation>Abre el lugar de la aplicación donde puede hacer esto</translation>
    </message>
    <message>
        <source>Add in Doctors &amp;&amp; contacts</source>
        <translation>Añadir en Médicos y contactos</translation>
    </message>
    <message>
        <source>Open Doctors &amp;&amp; contacts</source>
        <translation>Abrir Médicos y contactos</translation>
    </message>
    <message>
        <source>New records request</source>
        <translation>Nueva solicitud de expedientes</translation>
    </message>
    <message>
        <source>Open Records</source>
        <translation>Abrir Expedientes</translation>
    </message>
    <message>
        <source>Open Questions</source>
        <translation>Abrir Preguntas</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Planificar una consulta</translation>
    </message>
    <message>
        <source>Open Visits</source>
        <translation>Abrir Consultas</translation>
    </message>
    <message>
        <source>Open Opinions</source>
        <translation>Abrir Opiniones</translation>
    </message>
    <message>
        <source>Open your profile</source>
        <translation>Abrir su perfil</translation>
    </message>
    <message>
        <source>Open insurance details</source>
        <translation>Abrir los datos del seguro médico</translation>
    </message>
    <message>
        <source>Open the call log</source>
        <translation>Abrir el registro de llamadas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>This tick could not be saved. {reason}</source>
        <translation>No se pudo guardar esta marca. {reason}</translation>
    </message>
</context>
<context>
    <name>HealthSummaryWidget</name>
    <message>
        <source>Health summary</source>
        <translation>Resumen de salud</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import health records</source>
        <translation>Importar expedientes de salud</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Whose records</source>
        <translation>De quién son los expedientes</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>What the file holds</source>
        <translation>Qué contiene el archivo</translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation>Leyendo el archivo</translation>
    </message>
    <message>
        <source>No person here matches the file&apos;s patient; a new person, {0}, will be added.</source>
        <translation>Ninguna persona de aquí coincide con el paciente del archivo; se añadirá una persona nueva, {0}.</translation>
    </message>
    <message>
        <source>For: {0}</source>
        <translation>Para: {0}</translation>
    </message>
    <message>
        <source>Importing health records</source>
        <translation>Importando expedientes de salud</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>Add a {0}…</source>
        <translation>Añadir: {0}…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Todavía no hay nada aquí.</translation>
    </message>
    <message>
        <source>Delete from the health summary</source>
        <translation>Eliminar del resumen de salud</translation>
    </message>
    <message>
        <source>Delete “{0}” from the health summary?</source>
        <translation>¿Eliminar «{0}» del resumen de salud?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleting from the health summary</source>
        <translation>Eliminando del resumen de salud</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>A written request for copies of your records, under your right of access. It lists the records, where to send them and how, and the 30-day deadline.</source>
        <translation>Una solicitud por escrito de copias de sus expedientes, según su derecho de acceso. Indica los expedientes, adónde y cómo enviarlos, y el plazo de 30 días.</translation>
    </message>
    <message>
        <source>A release form with every element a valid HIPAA authorization needs. Doctors may share records with each other for treatment without it, but many offices still ask for one. Sign and date it by hand.</source>
        <translation>Un formulario de autorización con todos los elementos que necesita una autorización HIPAA válida. Los médicos pueden compartir expedientes entre ellos para su tratamiento sin ella, pero muchos consultorios igual la piden. Fírmela y féchela a mano.</translation>
    </message>
    <message>
        <source>A short, friendly letter telling your current doctor about the second opinion and asking for your records to be sent.</source>
        <translation>Una carta breve y amable que le cuenta a su médico actual sobre la segunda opinión y le pide que envíe sus expedientes.</translation>
    </message>
</context>
<context>
    <name>LicensesDialog</name>
    <message>
        <source>Licenses</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <source>Second Opinion is free software under the GNU General Public License, version 3 or later. It is built from the works below, each under its own license.</source>
        <translation>Second Opinion es software libre bajo la Licencia Pública General de GNU, versión 3 o posterior. Está hecho con las obras que siguen, cada una con su propia licencia.</translation>
    </message>
    <message>
        <source>Search the licenses</source>
        <translation>Buscar en las licencias</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Buscar siguiente</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Resultado de la búsqueda</translation>
    </message>
    <message>
        <source>License texts</source>
        <translation>Textos de las licencias</translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation>No se encontró: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>the tab an unlocked window opens on how long after the menus are made the window&apos;s icon is drawn (see finish_menus) how long a window with a remembered key stays unseen while it tries the key the sections; made on the first unlock (see window.startup.make_sections) the vault ``_restoring_tab`` belongs to, once one was locked in this window</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueada</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
</context>
<context>
    <name>OpinionForm</name>
    <message>
        <source>Edit opinion</source>
        <translation>Editar opinión</translation>
    </message>
    <message>
        <source>Add an opinion</source>
        <translation>Añadir una opinión</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Médico:</translation>
    </message>
    <message>
        <source>Date of the opinion</source>
        <translation>Fecha de la opinión</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>In the doctor&apos;s words</source>
        <translation>En palabras del médico</translation>
    </message>
    <message>
        <source>Dia&amp;gnosis:</source>
        <translation>Dia&amp;gnóstico:</translation>
    </message>
    <message>
        <source>Stage or severity</source>
        <translation>Etapa o gravedad</translation>
    </message>
    <message>
        <source>If the doctor gave one</source>
        <translation>Si el médico la indicó</translation>
    </message>
    <message>
        <source>&amp;Stage or severity:</source>
        <translation>&amp;Etapa o gravedad:</translation>
    </message>
    <message>
        <source>Recommended treatment</source>
        <translation>Tratamiento recomendado</translation>
    </message>
    <message>
        <source>Recommended &amp;treatment:</source>
        <translation>&amp;Tratamiento recomendado:</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>Alternativas</translation>
    </message>
    <message>
        <source>A&amp;lternatives:</source>
        <translation>A&amp;lternativas:</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Beneficios</translation>
    </message>
    <message>
        <source>&amp;Benefits:</source>
        <translation>&amp;Beneficios:</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
    <message>
        <source>&amp;Risks:</source>
        <translation>&amp;Riesgos:</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <source>e.g. start within 4 weeks</source>
        <translation>p. ej., empezar en 4 semanas como máximo</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>&amp;Urgencia:</translation>
    </message>
    <message>
        <source>How sure the doctor was</source>
        <translation>Qué tan seguro estaba el médico</translation>
    </message>
    <message>
        <source>e.g. very sure; wants one more test</source>
        <translation>p. ej., muy seguro; quiere una prueba más</translation>
    </message>
    <message>
        <source>How sure the d&amp;octor was:</source>
        <translation>Qué tan seguro estaba el m&amp;édico:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Add the doctor in Doctors &amp; contacts first</source>
        <translation>Primero añada al médico en Médicos y contactos</translation>
    </message>
</context>
<context>
    <name>OpinionsTab</name>
    <message>
        <source>Search opinions…</source>
        <extracomment>what the screen shows: doctors&apos; names come from contacts</extracomment>
        <translation>Buscar opiniones…</translation>
    </message>
    <message>
        <source>Search opinions</source>
        <translation>Buscar opiniones</translation>
    </message>
    <message>
        <source>Add opinion…</source>
        <translation>Añadir opinión…</translation>
    </message>
    <message>
        <source>Add opinion</source>
        <translation>Añadir opinión</translation>
    </message>
    <message>
        <source>Add the first opinion…</source>
        <translation>Añadir la primera opinión…</translation>
    </message>
    <message>
        <source>Add the first opinion</source>
        <translation>Añadir la primera opinión</translation>
    </message>
    <message>
        <source>No opinions yet. After each visit, write down what the doctor said; with two or more, this tab shows them side by side and says where they differ.</source>
        <translation>Todavía no hay opiniones. Después de cada consulta, anote lo que dijo el médico; con dos o más, esta pestaña las muestra lado a lado e indica en qué difieren.</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Tratamiento</translation>
    </message>
    <message>
        <source>No opinions yet. After each visit, write down what the doctor said: the diagnosis, the treatment they recommend, and why.</source>
        <translation>Todavía no hay opiniones. Después de cada consulta, anote lo que dijo el médico: el diagnóstico, el tratamiento que recomienda y por qué.</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>Opiniones</translation>
    </message>
    <message>
        <source>Select two or three opinions (Ctrl+click) to compare them side by side.</source>
        <translation>Seleccione dos o tres opiniones (Ctrl+clic) para compararlas lado a lado.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit opinion</source>
        <translation>Editar opinión</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete opinion</source>
        <translation>Eliminar opinión</translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation>Anotar una decisión</translation>
    </message>
    <message>
        <source>Delete decision</source>
        <translation>Eliminar decisión</translation>
    </message>
    <message>
        <source>At most three opinions fit side by side; showing the three latest.</source>
        <translation>Caben como máximo tres opiniones lado a lado; se muestran las tres más recientes.</translation>
    </message>
    <message>
        <source>Showing the latest opinions side by side. Select two or three (Ctrl+click) to choose others.</source>
        <translation>Se muestran lado a lado las opiniones más recientes. Seleccione dos o tres (Ctrl+clic) para elegir otras.</translation>
    </message>
    <message>
        <source>Select two or three opinions (Ctrl+click) to compare them.</source>
        <translation>Seleccione dos o tres opiniones (Ctrl+clic) para compararlas.</translation>
    </message>
    <message>
        <source>Compare opinions</source>
        <translation>Comparar opiniones</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinión</translation>
    </message>
    <message>
        <source>Save opinion</source>
        <translation>Guardar opinión</translation>
    </message>
    <message>
        <source>Delete the opinion of {doctor} from {date}?</source>
        <translation>¿Eliminar la opinión de {doctor} del {date}?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete the decision “{decision}” from {date}?</source>
        <translation>¿Eliminar la decisión «{decision}» del {date}?</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <source>Prepare visit packet</source>
        <translation>Preparar el paquete para la consulta</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Visit:</source>
        <translation>Consulta:</translation>
    </message>
    <message>
        <source>What this doctor needs…</source>
        <translation>Lo que necesita este médico…</translation>
    </message>
    <message>
        <source>Choose what this doctor does not need</source>
        <translation>Elegir lo que este médico no necesita</translation>
    </message>
    <message>
        <source>Records not needed are not listed as missing</source>
        <translation>Los registros que no se necesitan no aparecen como faltantes</translation>
    </message>
    <message>
        <source>Sections to include</source>
        <translation>Secciones que incluir</translation>
    </message>
    <message>
        <source>Cover: the person and the visit</source>
        <translation>Portada: la persona y la consulta</translation>
    </message>
    <message>
        <source>Documents to add after the summary</source>
        <translation>Documentos que añadir después del resumen</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Documentos:</translation>
    </message>
    <message>
        <source>past: %1</source>
        <translation>pasada: %1</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>Elija al menos una sección.</translation>
    </message>
    <message>
        <source>Visit packet</source>
        <translation>Paquete para la consulta</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <source>Paper size</source>
        <extracomment>the folder the last PDF was saved in, offered for the next one while the app runs; kept in memory only (settings.py never stores export paths: a folder&apos;s name can say too much) what runs on the worker: the case in, the PDF&apos;s bytes out (never Qt)</extracomment>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Language of the document</source>
        <translation>Idioma del documento</translation>
    </message>
    <message>
        <source>This PDF holds health information. Save it only where you mean to keep it, and print it on a printer you trust.</source>
        <translation>Este PDF contiene información de salud. Guárdelo solo donde quiera conservarlo e imprímalo en una impresora de confianza.</translation>
    </message>
    <message>
        <source>Building the PDF</source>
        <translation>Creando el PDF</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>See the pages before saving or printing</source>
        <translation>Ver las páginas antes de guardar o imprimir</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>Creando el PDF…</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>Guardar %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>No se pudo guardar el PDF: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Se guardó en %1</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>Se guardó %1.</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Vista previa: %1</translation>
    </message>
    <message>
        <source>Drawing the pages</source>
        <translation>Dibujando las páginas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>The pages could not be drawn for the preview.</source>
        <translation>No se pudieron dibujar las páginas para la vista previa.</translation>
    </message>
</context>
<context>
    <name>PersonSwitcher</name>
    <message>
        <source>Whose case:</source>
        <translation>Caso de:</translation>
    </message>
    <message>
        <source>Whose case</source>
        <translation>De quién es el caso</translation>
    </message>
    <message>
        <source>Whose case is shown. Each person has their own records, visits and guide.</source>
        <translation>El caso que se muestra. Cada persona tiene sus propios expedientes, consultas y guía.</translation>
    </message>
    <message>
        <source>Add someone else&apos;s case</source>
        <translation>Añadir el caso de otra persona</translation>
    </message>
    <message>
        <source>A separate case, with its own records, visits and guide, for someone you help (your doctors and contacts are shared). Name of the person whose case it is:</source>
        <translation>Un caso aparte, con sus propios expedientes, consultas y guía, para alguien a quien ayuda (sus médicos y contactos se comparten). Nombre de la persona a quien pertenece el caso:</translation>
    </message>
    <message>
        <source>Rename this person</source>
        <translation>Cambiar el nombre de esta persona</translation>
    </message>
    <message>
        <source>New name for this person:</source>
        <translation>Nuevo nombre para esta persona:</translation>
    </message>
    <message>
        <source>Delete this person&apos;s case</source>
        <translation>Eliminar el caso de esta persona</translation>
    </message>
    <message>
        <source>Delete {name} and their whole case: {records} record items, {requests} requests, {questions} questions, {visits} visits and {opinions} opinions? Shared contacts stay. This cannot be undone.</source>
        <translation>¿Eliminar a {name} y todo su caso: {records} registros, {requests} solicitudes, {questions} preguntas, {visits} consultas y {opinions} opiniones? Los contactos compartidos se quedan. Esto no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>In the vault now</source>
        <translation>En la bóveda ahora</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>ya está</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>es diferente</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>Bloquear tras un tiempo de inactividad</translation>
    </message>
    <message>
        <source>Lock the vault when the keyboard and mouse have not been used this long.</source>
        <translation>Bloquear la bóveda cuando no se hayan usado el teclado ni el ratón durante este tiempo.</translation>
    </message>
    <message>
        <source>&amp;Lock after being idle for:</source>
        <translation>&amp;Bloquear tras estar inactiva:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language shows the next time you open Second Opinion.</source>
        <translation>El nuevo idioma se verá la próxima vez que abra Second Opinion.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Profile and insurance</source>
        <translation>Perfil y seguro médico</translation>
    </message>
    <message>
        <source>Profile pages</source>
        <translation>Páginas del perfil</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Perfil</translation>
    </message>
    <message>
        <source>&amp;Insurance</source>
        <translation>&amp;Seguro médico</translation>
    </message>
    <message>
        <source>&amp;Call log</source>
        <translation>&amp;Registro de llamadas</translation>
    </message>
    <message>
        <source>&amp;Health summary</source>
        <translation>&amp;Resumen de salud</translation>
    </message>
    <message>
        <source>These details go on the cover of the visit packet you take to a doctor.</source>
        <translation>Estos datos van en la portada del paquete que lleva a la consulta con un médico.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Se sabe</translation>
    </message>
    <message>
        <source>Date of birth known</source>
        <translation>Se sabe la fecha de nacimiento</translation>
    </message>
    <message>
        <source>Untick to leave the date of birth empty</source>
        <translation>Desmarque para dejar vacía la fecha de nacimiento</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Condition under review</source>
        <translation>Afección en estudio</translation>
    </message>
    <message>
        <source>The diagnosis or question you want a second opinion on</source>
        <translation>El diagnóstico o la pregunta sobre la que quiere una segunda opinión</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>C&amp;ondition under review:</source>
        <translation>Afección en &amp;estudio:</translation>
    </message>
    <message>
        <source>Medications, allergies, other conditions, procedures and results are on the Health summary page.</source>
        <translation>Los medicamentos, alergias, otras afecciones, procedimientos y resultados están en la página Resumen de salud.</translation>
    </message>
    <message>
        <source>Ask your insurer whether a second opinion is covered and on what terms, and note each call in the call log.</source>
        <translation>Pregunte a su aseguradora si cubre una segunda opinión y en qué condiciones, y anote cada llamada en el registro de llamadas.</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>Aseguradora</translation>
    </message>
    <message>
        <source>e.g. the company on your card</source>
        <translation>p. ej., la compañía que aparece en su tarjeta</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>Nombre del plan</translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation>N.º de afiliado</translation>
    </message>
    <message>
        <source>Group number</source>
        <translation>Número de grupo</translation>
    </message>
    <message>
        <source>Insurer phone</source>
        <translation>Teléfono de la aseguradora</translation>
    </message>
    <message>
        <source>The number on your card</source>
        <translation>El número de su tarjeta</translation>
    </message>
    <message>
        <source>Second opinions covered</source>
        <translation>Cubre segundas opiniones</translation>
    </message>
    <message>
        <source>Referral needed</source>
        <translation>Necesita referido</translation>
    </message>
    <message>
        <source>Prior authorization needed</source>
        <translation>Necesita autorización previa</translation>
    </message>
    <message>
        <source>Whether the insurer must approve the visit before it happens</source>
        <translation>Si la aseguradora debe aprobar la consulta antes de que ocurra</translation>
    </message>
    <message>
        <source>Insurance notes</source>
        <translation>Notas del seguro</translation>
    </message>
    <message>
        <source>Rules, limits, programs they mentioned</source>
        <translation>Reglas, límites y programas que mencionaron</translation>
    </message>
    <message>
        <source>I&amp;nsurer:</source>
        <translation>A&amp;seguradora:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <source>&amp;Member ID:</source>
        <translation>N.º de &amp;afiliado:</translation>
    </message>
    <message>
        <source>&amp;Group number:</source>
        <translation>Número de &amp;grupo:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>Second opinions &amp;covered:</source>
        <translation>&amp;Cubre segundas opiniones:</translation>
    </message>
    <message>
        <source>&amp;Referral needed:</source>
        <translation>Necesita &amp;referido:</translation>
    </message>
    <message>
        <source>Prior &amp;authorization needed:</source>
        <translation>Necesita autorización &amp;previa:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>Each time you call your insurer, note the date, who you spoke to, the reference number and what they said. Calls are saved as soon as you add them.</source>
        <translation>Cada vez que llame a su aseguradora, anote la fecha, con quién habló, el número de referencia y lo que le dijeron. Las llamadas se guardan en cuanto las añade.</translation>
    </message>
    <message>
        <source>&amp;Add call…</source>
        <translation>&amp;Añadir llamada…</translation>
    </message>
    <message>
        <source>Add call</source>
        <translation>Añadir llamada</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>Edit call</source>
        <translation>Editar llamada</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Delete call</source>
        <translation>Eliminar llamada</translation>
    </message>
    <message>
        <source>No calls logged yet. Add one after you speak to your insurer.</source>
        <translation>Todavía no hay llamadas anotadas. Añada una después de hablar con su aseguradora.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>the insurer</source>
        <translation>la aseguradora</translation>
    </message>
    <message>
        <source>Delete the call of {date} with {who}?</source>
        <translation>¿Eliminar la llamada del {date} con {who}?</translation>
    </message>
    <message>
        <source>(reference {ref})</source>
        <translation>(referencia {ref})</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>No se eliminó</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>Record the answer</source>
        <translation>Anotar la respuesta</translation>
    </message>
    <message>
        <source>Edit question</source>
        <translation>Editar pregunta</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Añadir una pregunta</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>What do you want to ask?</source>
        <translation>¿Qué quiere preguntar?</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>For which visit</source>
        <translation>Para qué consulta</translation>
    </message>
    <message>
        <source>No particular visit</source>
        <translation>Ninguna consulta en particular</translation>
    </message>
    <message>
        <source>I asked this question</source>
        <translation>Hice esta pregunta</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>What the doctor said, in your own words</source>
        <translation>Lo que dijo el médico, en sus propias palabras</translation>
    </message>
    <message>
        <source>The question</source>
        <translation>La pregunta</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Pregunta:</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>P&amp;rioridad:</translation>
    </message>
    <message>
        <source>For &amp;visit:</source>
        <translation>Para la &amp;consulta:</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>&amp;Respuesta:</translation>
    </message>
</context>
<context>
    <name>QuestionsTab</name>
    <message>
        <source>Answered</source>
        <translation>Respondida</translation>
    </message>
    <message>
        <source>Asked, no answer</source>
        <translation>Hecha, sin respuesta</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>Sin hacer</translation>
    </message>
    <message>
        <source>Search questions and answers…</source>
        <translation>Buscar preguntas y respuestas…</translation>
    </message>
    <message>
        <source>Search questions</source>
        <translation>Buscar preguntas</translation>
    </message>
    <message>
        <source>Show questions of this category</source>
        <translation>Mostrar preguntas de esta categoría</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Show questions for this visit</source>
        <translation>Mostrar preguntas para esta consulta</translation>
    </message>
    <message>
        <source>Not yet answered</source>
        <translation>Todavía sin respuesta</translation>
    </message>
    <message>
        <source>Show only questions not yet answered</source>
        <translation>Mostrar solo las preguntas todavía sin respuesta</translation>
    </message>
    <message>
        <source>Starter questions…</source>
        <translation>Preguntas iniciales…</translation>
    </message>
    <message>
        <source>Starter questions</source>
        <translation>Preguntas iniciales</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Añadir pregunta</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>No question matches this search or filter.</source>
        <translation>Ninguna pregunta coincide con esta búsqueda o filtro.</translation>
    </message>
    <message>
        <source>Choose starter questions…</source>
        <translation>Elegir preguntas iniciales…</translation>
    </message>
    <message>
        <source>Choose starter questions</source>
        <translation>Elegir preguntas iniciales</translation>
    </message>
    <message>
        <source>Write my own question</source>
        <translation>Escribir mi propia pregunta</translation>
    </message>
    <message>
        <source>No questions yet. Write down what you want to ask, or start from questions other patients found worth asking.</source>
        <translation>Todavía no hay preguntas. Anote lo que quiere preguntar, o empiece con preguntas que a otros pacientes les pareció útil hacer.</translation>
    </message>
    <message>
        <source>Mark not asked</source>
        <translation>Marcar como no hecha</translation>
    </message>
    <message>
        <source>Mark asked</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>No questions for this visit yet. Use “Add question”, or edit a question and choose this visit.</source>
        <translation>Todavía no hay preguntas para esta consulta. Use «Añadir pregunta» o edite una pregunta y elija esta consulta.</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>Todas las consultas</translation>
    </message>
    <message>
        <source>No particular visit</source>
        <translation>Ninguna consulta en particular</translation>
    </message>
    <message>
        <source>Save question</source>
        <translation>Guardar pregunta</translation>
    </message>
    <message>
        <source>Question saved</source>
        <translation>Pregunta guardada</translation>
    </message>
</context>
<context>
    <name>StarterQuestionsDialog</name>
    <message>
        <source>Starter questions</source>
        <translation>Preguntas iniciales</translation>
    </message>
    <message>
        <source>Questions many people find worth asking. Add the ones that fit; you can reword them, set their priority and order them afterwards.</source>
        <translation>Preguntas que a muchas personas les parece útil hacer. Añada las que le sirvan; después puede cambiarles la redacción, la prioridad y el orden.</translation>
    </message>
    <message>
        <source>About starter questions</source>
        <translation>Sobre las preguntas iniciales</translation>
    </message>
    <message>
        <source>Show starter questions of this category</source>
        <translation>Mostrar preguntas iniciales de esta categoría</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Also show questions for this kind of condition</source>
        <translation>Mostrar también preguntas para este tipo de enfermedad</translation>
    </message>
    <message>
        <source>What was added</source>
        <translation>Lo que se añadió</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>C&amp;ondition:</source>
        <translation>&amp;Enfermedad:</translation>
    </message>
    <message>
        <source>Add all questions about {0}</source>
        <translation>Añadir todas las preguntas sobre {0}</translation>
    </message>
    <message>
        <source>Add: {0}</source>
        <translation>Añadir: {0}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadida</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add all ({0})</source>
        <translation>Añadir todas ({0})</translation>
    </message>
    <message>
        <source>All added</source>
        <translation>Todas añadidas</translation>
    </message>
    <message>
        <source>These questions are already in your list.</source>
        <translation>Estas preguntas ya están en su lista.</translation>
    </message>
    <message>
        <source>Added 1 question to your list.</source>
        <translation>Se añadió 1 pregunta a su lista.</translation>
    </message>
    <message>
        <source>Added {0} questions to your list.</source>
        <translation>Se añadieron {0} preguntas a su lista.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock your vault</source>
        <translation>Desbloquee su bóveda</translation>
    </message>
    <message>
        <source>Type the passphrase you chose when you created this vault.</source>
        <translation>Escriba la frase de contraseña que eligió al crear esta bóveda.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Primero escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>The remembered key no longer opens this vault. Type your passphrase.</source>
        <translation>La clave recordada ya no abre esta bóveda. Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>The vault could not be opened ({name}).</source>
        <translation>No se pudo abrir la bóveda ({name}).</translation>
    </message>
</context>
<context>
    <name>VCardActions</name>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>vCard files (*.vcf *.vcard);;All files (*)</source>
        <translation>Archivos vCard (*.vcf *.vcard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Imported 1 contact.</source>
        <translation>Se importó 1 contacto.</translation>
    </message>
    <message>
        <source>Imported {n} contacts.</source>
        <translation>Se importaron {n} contactos.</translation>
    </message>
    <message>
        <source>Skipped 1 card:</source>
        <translation>Se omitió 1 tarjeta:</translation>
    </message>
    <message>
        <source>Skipped {n} cards:</source>
        <translation>Se omitieron {n} tarjetas:</translation>
    </message>
    <message>
        <source>…and {n} more.</source>
        <translation>…y {n} más.</translation>
    </message>
    <message>
        <source>Imported with a change:</source>
        <translation>Se importó con un cambio:</translation>
    </message>
    <message>
        <source>card {0}</source>
        <translation>tarjeta {0}</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Exportar contactos</translation>
    </message>
    <message>
        <source>There are no contacts to export.</source>
        <translation>No hay contactos que exportar.</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Archivos vCard (*.vcf)</translation>
    </message>
    <message>
        <source>Exported 1 contact.</source>
        <translation>Se exportó 1 contacto.</translation>
    </message>
    <message>
        <source>Exported {n} contacts.</source>
        <translation>Se exportaron {n} contactos.</translation>
    </message>
</context>
<context>
    <name>VisitDetail</name>
    <message>
        <source>Visit title</source>
        <translation>Título de la consulta</translation>
    </message>
    <message>
        <source>Visit details</source>
        <translation>Datos de la consulta</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit visit</source>
        <translation>Editar consulta</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Marcar como hecha</translation>
    </message>
    <message>
        <source>Mark visit done</source>
        <translation>Marcar la consulta como hecha</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Eliminar consulta</translation>
    </message>
    <message>
        <source>Export to calendar…</source>
        <translation>Exportar al calendario…</translation>
    </message>
    <message>
        <source>Export visit to calendar</source>
        <translation>Exportar la consulta al calendario</translation>
    </message>
    <message>
        <source>Save an .ics file with the time, place or link and two reminders.</source>
        <translation>Guardar un archivo .ics con la hora, el lugar o el enlace y dos recordatorios.</translation>
    </message>
    <message>
        <source>Prepare visit packet…</source>
        <translation>Preparar el paquete para la consulta…</translation>
    </message>
    <message>
        <source>Prepare visit packet</source>
        <translation>Preparar el paquete para la consulta</translation>
    </message>
    <message>
        <source>Ready for the visit?</source>
        <translation>¿Listo para la consulta?</translation>
    </message>
    <message>
        <source>Choose a visit on the left.</source>
        <translation>Elija una consulta a la izquierda.</translation>
    </message>
    <message>
        <source>{doctor} — {when}</source>
        <translation>{doctor} — {when}</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>Edit visit</source>
        <translation>Editar consulta</translation>
    </message>
    <message>
        <source>Add a visit</source>
        <translation>Añadir una consulta</translation>
    </message>
    <message>
        <source>Add the doctor in Doctors &amp; contacts first</source>
        <translation>Primero añada al médico en Médicos y contactos</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Nadie todavía</translation>
    </message>
    <message>
        <source>Your insurance plan says a visit needs this.</source>
        <translation>Su plan de seguro dice que una consulta lo necesita.</translation>
    </message>
    <message>
        <source>Warnings about this visit</source>
        <translation>Advertencias sobre esta consulta</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Médico:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>Fecha y &amp;hora:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>The time zone of the place where the visit happens.</source>
        <translation>La zona horaria del lugar donde es la consulta.</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zona horaria:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Duration in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>D&amp;uración:</translation>
    </message>
    <message>
        <source>In person or telemedicine</source>
        <translation>En persona o por telemedicina</translation>
    </message>
    <message>
        <source>&amp;Kind of visit:</source>
        <translation>&amp;Tipo de consulta:</translation>
    </message>
    <message>
        <source>Address, building, floor</source>
        <translation>Dirección, edificio, piso</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>https://… from the clinic&apos;s invitation</source>
        <translation>https://… de la invitación de la clínica</translation>
    </message>
    <message>
        <source>Video link</source>
        <translation>Enlace de video</translation>
    </message>
    <message>
        <source>Video &amp;link:</source>
        <translation>&amp;Enlace de video:</translation>
    </message>
    <message>
        <source>Companion</source>
        <translation>Acompañante</translation>
    </message>
    <message>
        <source>A support person from your contacts who comes along.</source>
        <translation>Una persona de apoyo de sus contactos que le acompaña.</translation>
    </message>
    <message>
        <source>&amp;Companion:</source>
        <translation>&amp;Acompañante:</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Se necesita</translation>
    </message>
    <message>
        <source>Referral needed</source>
        <translation>Necesita referido</translation>
    </message>
    <message>
        <source>Obtained</source>
        <translation>Obtenido</translation>
    </message>
    <message>
        <source>Referral obtained</source>
        <translation>Referido obtenido</translation>
    </message>
    <message>
        <source>Referral number</source>
        <translation>Número de referido</translation>
    </message>
    <message>
        <source>&amp;Referral:</source>
        <translation>&amp;Referido:</translation>
    </message>
    <message>
        <source>Prior authorization needed</source>
        <translation>Necesita autorización previa</translation>
    </message>
    <message>
        <source>Prior authorization obtained</source>
        <translation>Autorización previa obtenida</translation>
    </message>
    <message>
        <source>Authorization number</source>
        <translation>Número de autorización</translation>
    </message>
    <message>
        <source>Prior authorization number</source>
        <translation>Número de autorización previa</translation>
    </message>
    <message>
        <source>&amp;Prior authorization:</source>
        <translation>Autorización &amp;previa:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p. ej., %1</translation>
    </message>
    <message>
        <source>Expected cost</source>
        <translation>Costo previsto</translation>
    </message>
    <message>
        <source>What you expect to pay yourself; leave empty if unknown.</source>
        <translation>Lo que espera pagar usted; déjelo vacío si no lo sabe.</translation>
    </message>
    <message>
        <source>&amp;Expected cost:</source>
        <translation>&amp;Costo previsto:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Visit in the past</source>
        <translation>Consulta en el pasado</translation>
    </message>
    <message>
        <source>The time of this visit has passed, but it is still marked planned. Save it as done?</source>
        <translation>La hora de esta consulta ya pasó, pero sigue marcada como planificada. ¿Guardarla como hecha?</translation>
    </message>
    <message>
        <source>Save as done</source>
        <translation>Guardar como hecha</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Next visit</source>
        <extracomment>&quot;Where&quot;: the one column that may be long; it stretches and elides. what a screen showing visits (and their readiness) reloads on the clock; tests replace it to make &quot;next&quot; and countdowns deterministic</extracomment>
        <translation>Próxima consulta</translation>
    </message>
    <message>
        <source>Search visits…</source>
        <translation>Buscar consultas…</translation>
    </message>
    <message>
        <source>Search visits</source>
        <translation>Buscar consultas</translation>
    </message>
    <message>
        <source>Show past visits</source>
        <translation>Mostrar consultas pasadas</translation>
    </message>
    <message>
        <source>Add visit…</source>
        <translation>Añadir consulta…</translation>
    </message>
    <message>
        <source>Add visit</source>
        <translation>Añadir consulta</translation>
    </message>
    <message>
        <source>Add the first visit…</source>
        <translation>Añadir la primera consulta…</translation>
    </message>
    <message>
        <source>Add the first visit</source>
        <translation>Añadir la primera consulta</translation>
    </message>
    <message>
        <source>No visits yet. Add the visit with your second-opinion doctor, and this tab will tell you what is still missing before it.</source>
        <translation>Todavía no hay consultas. Añada la consulta con el médico de su segunda opinión y esta pestaña le dirá qué falta todavía antes de ella.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Consultas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Countdown / status</source>
        <translation>Cuenta atrás / estado</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Visits (%1)</source>
        <translation>Consultas (%1)</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>Guardar consulta</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Consulta guardada.</translation>
    </message>
    <message>
        <source>{doctor} is still a candidate. Make them your chosen second-opinion doctor?</source>
        <translation>{doctor} todavía es un candidato. ¿Elegirlo como su médico de segunda opinión?</translation>
    </message>
    <message>
        <source>Chosen doctor</source>
        <translation>Médico elegido</translation>
    </message>
    <message>
        <source>Make chosen</source>
        <translation>Elegir</translation>
    </message>
    <message>
        <source>Mark visit done</source>
        <translation>Marcar la consulta como hecha</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>Eliminar consulta</translation>
    </message>
    <message>
        <source>Delete the visit with {doctor} on {when}?</source>
        <translation>¿Eliminar la consulta con {doctor} del {when}?</translation>
    </message>
    <message>
        <source>Its {n} questions stay in your list, no longer tied to a visit.</source>
        <translation>Sus {n} preguntas se quedan en su lista, ya sin vincular a una consulta.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Use open questions</source>
        <translation>Usar preguntas pendientes</translation>
    </message>
    <message>
        <source>Visit deleted.</source>
        <translation>Consulta eliminada.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to Second Opinion</source>
        <translation>Bienvenido a Second Opinion</translation>
    </message>
    <message>
        <source>Everything you keep here (doctors, records, questions, visits and opinions) is stored in one encrypted file on this computer, your vault. It opens only with the passphrase you choose now, and nothing is sent anywhere.</source>
        <translation>Todo lo que guarde aquí (médicos, expedientes, preguntas, consultas y opiniones) se almacena en un solo archivo cifrado en esta computadora: su bóveda. Solo se abre con la frase de contraseña que elija ahora, y no se envía nada a ningún lugar.</translation>
    </message>
    <message>
        <source>Write your passphrase down and keep it somewhere safe. If you forget it, nobody can open the vault: not you, not us.</source>
        <translation>Anote su frase de contraseña y guárdela en un lugar seguro. Si la olvida, nadie podrá abrir la bóveda: ni usted ni nosotros.</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Yo</translation>
    </message>
    <message>
        <source>Whose second opinion is this?</source>
        <translation>¿De quién es esta segunda opinión?</translation>
    </message>
    <message>
        <source>Your name, or the name of the person you are helping. You can add more later.</source>
        <translation>Su nombre, o el de la persona a quien ayuda. Puede añadir más después.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Several words are easy to remember</source>
        <translation>Varias palabras son fáciles de recordar</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Solidez de la frase de contraseña</translation>
    </message>
    <message>
        <source>Whose second &amp;opinion is this?</source>
        <translation>¿De quién es esta segunda &amp;opinión?</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repítala:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Solidez:</translation>
    </message>
    <message>
        <source>&amp;Create my vault</source>
        <translation>&amp;Crear mi bóveda</translation>
    </message>
    <message>
        <source>Create my vault</source>
        <translation>Crear mi bóveda</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Sólida</translation>
    </message>
    <message>
        <source>Choose a passphrase first.</source>
        <translation>Primero elija una frase de contraseña.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>Las dos frases de contraseña no son iguales. Escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>_BusyPage</name>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <extracomment>pixels between the lines of a page&apos;s card once, after the first frame and any start-up work (a remembered key) that followed it the vault id whose key this computer&apos;s keyring now holds, or &quot;&quot; when it holds none under the form, top to bottom: the &quot;Remember&quot; box, the keyring note, the busy bar and the error; each hidden until there is something to show. The box and the bar are made when first needed (see ``remember`` and ``busy``), so not for the first frame. the field the &quot;Remember&quot; box follows when Tab goes down the page modules the window will need right after unlocking; imported on the unlock thread</extracomment>
        <translation>Recordar en esta computadora</translation>
    </message>
    <message>
        <source>Keep the vault&apos;s key in this computer&apos;s keyring so it opens without the passphrase. Anyone using your account could then open it.</source>
        <translation>Guardar la clave de la bóveda en el llavero de esta computadora para que se abra sin la frase de contraseña. Cualquiera que use su cuenta podría abrirla entonces.</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>OK</source>
        <extracomment>answers to ``ask_open_paths``: each a list of files, or None for Cancel answers to ``ask_choice``: each the index chosen, or None for Cancel where scripted &quot;printing&quot; goes: each print job writes a PDF to the next path When set, prompts are answered from it instead of showing a dialog. The open vault&apos;s folder (set by the main window): no save dialog may choose a file in it.</extracomment>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>contacts</name>
    <message>
        <source>A doctor in the same system may share its views; consider one from elsewhere.</source>
        <translation>Un médico del mismo sistema puede compartir sus puntos de vista; considere a uno de otro lugar.</translation>
    </message>
    <message>
        <source>A colleague may share the same views; consider a doctor from elsewhere.</source>
        <translation>Un colega puede compartir los mismos puntos de vista; considere a un médico de otro lugar.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Second Opinion met an unexpected problem. What you saved before is safe; the last change may not have been saved, so please check it.</source>
        <translation>Second Opinion encontró un problema inesperado. Lo que guardó antes está a salvo; puede que el último cambio no se haya guardado, así que revíselo, por favor.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Problem with {field}: {message}</source>
        <extracomment>the size of the warning icon beside a field; its place is kept while blank</extracomment>
        <translation>Problema con {field}: {message}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>First-opinion doctor</source>
        <translation>Médico de la primera opinión</translation>
    </message>
    <message>
        <source>Second-opinion candidate</source>
        <translation>Candidato para la segunda opinión</translation>
    </message>
    <message>
        <source>Second-opinion doctor</source>
        <translation>Médico de la segunda opinión</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Other specialist</source>
        <translation>Otro especialista</translation>
    </message>
    <message>
        <source>Records department</source>
        <translation>Departamento de expedientes</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>Aseguradora</translation>
    </message>
    <message>
        <source>Support person</source>
        <translation>Persona de apoyo</translation>
    </message>
    <message>
        <source>The patient</source>
        <translation>El paciente</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation>Todavía no se sabe</translation>
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
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <source>Imaging report</source>
        <translation>Informe de estudio por imágenes</translation>
    </message>
    <message>
        <source>Imaging files (disc or link)</source>
        <translation>Archivos de imágenes (disco o enlace)</translation>
    </message>
    <message>
        <source>Pathology report</source>
        <translation>Informe de patología</translation>
    </message>
    <message>
        <source>Pathology slides or blocks</source>
        <translation>Laminillas o bloques de patología</translation>
    </message>
    <message>
        <source>Visit notes</source>
        <translation>Notas de consulta</translation>
    </message>
    <message>
        <source>Operative report</source>
        <translation>Informe operatorio</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Resumen del alta</translation>
    </message>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Disc</source>
        <translation>Disco</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Mensajería</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>To request</source>
        <translation>Por solicitar</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Prorrogada</translation>
    </message>
    <message>
        <source>Waiting on me</source>
        <translation>Esperando por mí</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>Recibida en parte</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Refused / problem</source>
        <translation>Rechazada / con problema</translation>
    </message>
    <message>
        <source>Telemedicine</source>
        <translation>Telemedicina</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificada</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Treatment options</source>
        <translation>Opciones de tratamiento</translation>
    </message>
    <message>
        <source>Risks and side effects</source>
        <translation>Riesgos y efectos secundarios</translation>
    </message>
    <message>
        <source>Prognosis</source>
        <translation>Pronóstico</translation>
    </message>
    <message>
        <source>Costs and insurance</source>
        <translation>Costos y seguro médico</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>Logística</translation>
    </message>
    <message>
        <source>The second opinion itself</source>
        <translation>La segunda opinión en sí</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
</context>
<context>
    <name>opinions</name>
    <message>
        <source>{label}
(differs)</source>
        <extracomment>Longer cell text is cut in the grid (the full text is in the tooltip and the form). the width the row names wrap to, and the font they are measured in (the view&apos;s)</extracomment>
        <translation>{label}
(difieren)</translation>
    </message>
    <message>
        <source>{label}
(the same, as you marked)</source>
        <translation>{label}
(igual, como usted lo marcó)</translation>
    </message>
    <message>
        <source>{label}
(worded differently)</source>
        <translation>{label}
(dicho con otras palabras)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(sin anotar)</translation>
    </message>
    <message>
        <source>{doctors} differ on the diagnosis and on the recommended treatment.</source>
        <translation>{doctors} no coinciden en el diagnóstico ni en el tratamiento recomendado.</translation>
    </message>
    <message>
        <source>{doctors} give different diagnoses.</source>
        <translation>{doctors} dan diagnósticos distintos.</translation>
    </message>
    <message>
        <source>{doctors} recommend different treatments.</source>
        <translation>{doctors} recomiendan tratamientos distintos.</translation>
    </message>
    <message>
        <source>Ask each doctor about the difference, weigh the benefits and risks of each option, and consider a third opinion to help you decide.</source>
        <translation>Pregunte a cada médico por la diferencia, compare los beneficios y los riesgos de cada opción, y piense en una tercera opinión para ayudarle a decidir.</translation>
    </message>
    <message>
        <source>The diagnosis is worded differently, which may or may not mean the same. Read them side by side and mark each one Same or Different; ask the doctors if you are not sure.</source>
        <translation>El diagnóstico está dicho con otras palabras, lo que puede o no significar lo mismo. Léalos lado a lado y marque cada uno como Igual o Diferente; pregunte a los médicos si no está seguro.</translation>
    </message>
    <message>
        <source>The recommended treatment is worded differently, which may or may not mean the same. Read them side by side and mark each one Same or Different; ask the doctors if you are not sure.</source>
        <translation>El tratamiento recomendado está dicho con otras palabras, lo que puede o no significar lo mismo. Léalos lado a lado y marque cada uno como Igual o Diferente; pregunte a los médicos si no está seguro.</translation>
    </message>
    <message>
        <source>The diagnosis and the recommended treatment are worded differently, which may or may not mean the same. Read them side by side and mark each one Same or Different; ask the doctors if you are not sure.</source>
        <translation>El diagnóstico y el tratamiento recomendado están dichos con otras palabras, lo que puede o no significar lo mismo. Léalos lado a lado y marque cada uno como Igual o Diferente; pregunte a los médicos si no está seguro.</translation>
    </message>
    <message>
        <source>No difference found in what is written, but the diagnosis is missing for at least one opinion. Add it to compare fully.</source>
        <translation>No se encontró ninguna diferencia en lo escrito, pero falta el diagnóstico en al menos una opinión. Agréguelo para comparar por completo.</translation>
    </message>
    <message>
        <source>No difference found in what is written, but the recommended treatment is missing for at least one opinion. Add it to compare fully.</source>
        <translation>No se encontró ninguna diferencia en lo escrito, pero falta el tratamiento recomendado en al menos una opinión. Agréguelo para comparar por completo.</translation>
    </message>
    <message>
        <source>No difference found in what is written, but the diagnosis and the recommended treatment are missing for at least one opinion. Add them to compare fully.</source>
        <translation>No se encontró ninguna diferencia en lo escrito, pero faltan el diagnóstico y el tratamiento recomendado en al menos una opinión. Agréguelos para comparar por completo.</translation>
    </message>
    <message>
        <source>{doctors} agree on the diagnosis and the recommended treatment.</source>
        <translation>{doctors} coinciden en el diagnóstico y en el tratamiento recomendado.</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} y {last}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>This could not be saved: the disk may be full or not writable. Nothing of this change was stored, and what you typed is still here. Free some space, then try again.</source>
        <extracomment>a busy indicator shows only for work that takes longer than a blink how long locking waits for the operation that is running to end</extracomment>
        <translation>No se pudo guardar: puede que el disco esté lleno o no admita escritura. No se guardó nada de este cambio y lo que escribió sigue aquí. Libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The vault could not be read. Lock the app and unlock it again; if this keeps happening, run a check (second-opinion check) or restore a backup.</source>
        <translation>No se pudo leer la bóveda. Bloquee la aplicación y vuelva a desbloquearla; si sigue pasando, haga una revisión (second-opinion check) o restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>Second Opinion</source>
        <translation>Second Opinion</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo iniciar la impresora.</translation>
    </message>
</context>
<context>
    <name>phrases</name>
    <message>
        <source>Shares the organization “{name}” with {doctor}, who gave the first opinion.</source>
        <translation>Comparte la organización «{name}» con {doctor}, que dio la primera opinión.</translation>
    </message>
    <message>
        <source>Shares the health system “{name}” with {doctor}, who gave the first opinion.</source>
        <translation>Comparte el sistema de salud «{name}» con {doctor}, que dio la primera opinión.</translation>
    </message>
    <message>
        <source>The same goes for 1 more first-opinion doctor.</source>
        <translation>Lo mismo ocurre con 1 médico más de la primera opinión.</translation>
    </message>
    <message>
        <source>The same goes for {n} more first-opinion doctors.</source>
        <translation>Lo mismo ocurre con {n} médicos más de la primera opinión.</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} y {last}</translation>
    </message>
    <message>
        <source>Going alone is fine; someone with you can help</source>
        <translation>Ir solo está bien; alguien que lo acompañe puede ayudar</translation>
    </message>
    <message>
        <source>A family member or friend can listen, take notes and support you. If you go alone, ask whether you may record the conversation, or whether the center has a patient navigator who can help.</source>
        <translation>Un familiar o un amigo puede escuchar, tomar notas y apoyarlo. Si va solo, pregunte si puede grabar la conversación o si el centro tiene un orientador de pacientes que pueda ayudarlo.</translation>
    </message>
    <message>
        <source>{kind}: {description}</source>
        <translation>{kind}: {description}</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names} y {n} más</translation>
    </message>
    <message>
        <source>Referral in hand</source>
        <translation>Referido en mano</translation>
    </message>
    <message>
        <source>Referral not obtained yet</source>
        <translation>Todavía no tiene el referido</translation>
    </message>
    <message>
        <source>Your insurance plan needs one.</source>
        <translation>Su plan de seguro lo exige.</translation>
    </message>
    <message>
        <source>This visit needs one.</source>
        <translation>Esta consulta lo necesita.</translation>
    </message>
    <message>
        <source>Ask the referring doctor, then tick it on the visit.</source>
        <translation>Pídalo al médico que lo refiere y luego márquelo en la consulta.</translation>
    </message>
    <message>
        <source>Prior authorization in hand</source>
        <translation>Autorización previa en mano</translation>
    </message>
    <message>
        <source>Prior authorization not obtained yet</source>
        <translation>Todavía no tiene la autorización previa</translation>
    </message>
    <message>
        <source>Your insurance plan needs it.</source>
        <translation>Su plan de seguro la exige.</translation>
    </message>
    <message>
        <source>This visit needs it.</source>
        <translation>Esta consulta la necesita.</translation>
    </message>
    <message>
        <source>The doctor&apos;s office usually asks the insurer for it; check with the office that it was done, then note the number on the visit.</source>
        <translation>Normalmente el consultorio del médico la pide a la aseguradora; confirme con el consultorio que se hizo y luego anote el número en la consulta.</translation>
    </message>
    <message>
        <source>{done} of {n} record item confirmed received</source>
        <translation>{done} de {n} registro con recepción confirmada</translation>
    </message>
    <message>
        <source>{done} of {n} record items confirmed received</source>
        <translation>{done} de {n} registros con recepción confirmada</translation>
    </message>
    <message>
        <source>1 request is overdue</source>
        <translation>1 solicitud está atrasada</translation>
    </message>
    <message>
        <source>{n} requests are overdue</source>
        <translation>{n} solicitudes están atrasadas</translation>
    </message>
    <message>
        <source>1 request is due only after the visit</source>
        <translation>1 solicitud vence recién después de la consulta</translation>
    </message>
    <message>
        <source>{n} requests are due only after the visit</source>
        <translation>{n} solicitudes vencen recién después de la consulta</translation>
    </message>
    <message>
        <source>{late}: call the holder and ask them to send the records before the visit.</source>
        <translation>{late}: llame al custodio y pídale que envíe los expedientes antes de la consulta.</translation>
    </message>
    <message>
        <source>1 request is waiting on you: the holder needs something from you first.</source>
        <translation>1 solicitud espera algo de usted: el custodio necesita algo suyo primero.</translation>
    </message>
    <message>
        <source>{n} requests are waiting on you: the holder needs something from you first.</source>
        <translation>{n} solicitudes esperan algo de usted: el custodio necesita algo suyo primero.</translation>
    </message>
    <message>
        <source>1 request is overdue: sent after the due date; ask the doctor&apos;s office to confirm the records arrived.</source>
        <translation>1 solicitud está atrasada: se envió después de la fecha límite; pida al consultorio del médico que confirme que los expedientes llegaron.</translation>
    </message>
    <message>
        <source>{n} requests are overdue: sent after the due date; ask the doctor&apos;s office to confirm the records arrived.</source>
        <translation>{n} solicitudes están atrasadas: se enviaron después de la fecha límite; pida al consultorio del médico que confirme que los expedientes llegaron.</translation>
    </message>
    <message>
        <source>1 request was sent: ask the doctor&apos;s office to confirm the records arrived.</source>
        <translation>1 solicitud fue enviada: pida al consultorio del médico que confirme que los expedientes llegaron.</translation>
    </message>
    <message>
        <source>{n} requests were sent: ask the doctor&apos;s office to confirm the records arrived.</source>
        <translation>{n} solicitudes fueron enviadas: pida al consultorio del médico que confirme que los expedientes llegaron.</translation>
    </message>
    <message>
        <source>Imaging or pathology material not yet at the doctor&apos;s side</source>
        <translation>Las imágenes o el material de patología todavía no están con el médico</translation>
    </message>
    <message>
        <source>For a video visit the doctor needs these beforehand: {items}.</source>
        <translation>Para una consulta por video, el médico necesita esto de antemano: {items}.</translation>
    </message>
    <message>
        <source>The pathology consult lacks {what}</source>
        <translation>A la consulta de patología le falta {what}</translation>
    </message>
    <message>
        <source>Add them to {item}: the consulting lab needs them to match the slides to the case and answer the right question.</source>
        <translation>Agréguelos a {item}: el laboratorio consultor los necesita para relacionar las laminillas con el caso y responder la pregunta correcta.</translation>
    </message>
    <message>
        <source>No video link yet</source>
        <translation>Todavía no hay enlace de video</translation>
    </message>
    <message>
        <source>Add the link from the clinic&apos;s invitation.</source>
        <translation>Agregue el enlace de la invitación de la clínica.</translation>
    </message>
    <message>
        <source>1 question prepared, {top} top priority</source>
        <translation>1 pregunta preparada, {top} de prioridad alta</translation>
    </message>
    <message>
        <source>{n} questions prepared, {top} top priority</source>
        <translation>{n} preguntas preparadas, {top} de prioridad alta</translation>
    </message>
    <message>
        <source>Referral in hand (number {number})</source>
        <translation>Referido en mano (número {number})</translation>
    </message>
    <message>
        <source>Prior authorization in hand (number {number})</source>
        <translation>Autorización previa en mano (número {number})</translation>
    </message>
    <message>
        <source>{doctor} may not be independent</source>
        <translation>Puede que {doctor} no sea independiente</translation>
    </message>
    <message>
        <source>No records are on their way to {doctor} yet</source>
        <translation>Todavía no hay expedientes en camino a {doctor}</translation>
    </message>
    <message>
        <source>Request the records this doctor needs, sent straight to them.</source>
        <translation>Pida los expedientes que necesita este médico, enviados directamente a él.</translation>
    </message>
    <message>
        <source>1 record item confirmed received</source>
        <translation>1 registro con recepción confirmada</translation>
    </message>
    <message>
        <source>All {n} record items confirmed received</source>
        <translation>Los {n} registros tienen la recepción confirmada</translation>
    </message>
    <message>
        <source>{doctor} has confirmed receiving everything requested for them.</source>
        <translation>{doctor} confirmó que recibió todo lo que se pidió para esta consulta.</translation>
    </message>
    <message>
        <source>Not confirmed yet: {items}.</source>
        <translation>Sin confirmar todavía: {items}.</translation>
    </message>
    <message>
        <source>No imaging files or pathology material expected for this doctor</source>
        <translation>No se esperan imágenes ni material de patología para este médico</translation>
    </message>
    <message>
        <source>If they need scans or slides, request them for this doctor in Records so they arrive before a video visit.</source>
        <translation>Si necesita estudios de imagen o laminillas, pídalos para este médico en Expedientes para que lleguen antes de una consulta por video.</translation>
    </message>
    <message>
        <source>Imaging and pathology material confirmed at the doctor&apos;s side</source>
        <translation>Las imágenes y el material de patología ya están confirmados con el médico</translation>
    </message>
    <message>
        <source>{doctor} has confirmed receiving 1 item that cannot be shown on a video call.</source>
        <translation>{doctor} confirmó que recibió 1 registro que no se puede mostrar en una videollamada.</translation>
    </message>
    <message>
        <source>{doctor} has confirmed receiving {n} items that cannot be shown on a video call.</source>
        <translation>{doctor} confirmó que recibió {n} registros que no se pueden mostrar en una videollamada.</translation>
    </message>
    <message>
        <source>The pathology consult has its accession number, slide IDs and question</source>
        <translation>La consulta de patología tiene su número de accesión, los identificadores de laminillas y la pregunta</translation>
    </message>
    <message>
        <source>The consulting lab can match the slides to the case.</source>
        <translation>El laboratorio consultor puede relacionar las laminillas con el caso.</translation>
    </message>
    <message>
        <source>Video link saved</source>
        <translation>Enlace de video guardado</translation>
    </message>
    <message>
        <source>No questions prepared for this visit</source>
        <translation>No hay preguntas preparadas para esta consulta</translation>
    </message>
    <message>
        <source>You have 1 open question not tied to any visit: use it for this one in one step.</source>
        <translation>Tiene 1 pregunta abierta sin consulta asignada: úsela para esta en un solo paso.</translation>
    </message>
    <message>
        <source>You have {n} open questions not tied to any visit: use them for this one in one step.</source>
        <translation>Tiene {n} preguntas abiertas sin consulta asignada: úselas para esta en un solo paso.</translation>
    </message>
    <message>
        <source>Write down what you want to ask, and mark the most important ones.</source>
        <translation>Anote lo que quiere preguntar y marque lo más importante.</translation>
    </message>
    <message>
        <source>Mark the two or three that matter most as top priority.</source>
        <translation>Marque como prioridad alta las dos o tres que más le importan.</translation>
    </message>
    <message>
        <source>Ask whether they will review your case on their own, or consider a doctor from elsewhere.</source>
        <translation>Pregunte si revisará su caso por su cuenta, o considere un médico de otro lugar.</translation>
    </message>
    <message>
        <source>{companion} is coming along</source>
        <translation>{companion} lo acompañará</translation>
    </message>
    <message>
        <source>To bring someone, add them as a support person.</source>
        <translation>Para llevar a alguien, agréguelo como persona de apoyo.</translation>
    </message>
    <message>
        <source>the accession number</source>
        <translation>el número de accesión</translation>
    </message>
    <message>
        <source>the block or slide IDs</source>
        <translation>los identificadores de bloques o laminillas</translation>
    </message>
    <message>
        <source>the consult question</source>
        <translation>la pregunta para la consulta</translation>
    </message>
</context>
<context>
    <name>service</name>
    <message>
        <source>This authorization no longer exists.</source>
        <translation>Esta autorización ya no existe.</translation>
    </message>
    <message>
        <source>The holder and the recipient must be different contacts.</source>
        <translation>El custodio y el destinatario deben ser contactos diferentes.</translation>
    </message>
    <message>
        <source>The expiry date cannot be before the date it was signed.</source>
        <translation>La fecha de vencimiento no puede ser anterior a la fecha de firma.</translation>
    </message>
    <message>
        <source>The revocation date cannot be before the date it was signed.</source>
        <translation>La fecha de revocación no puede ser anterior a la fecha de firma.</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>Esta persona ya no existe.</translation>
    </message>
    <message>
        <source>Choose a contact from the list.</source>
        <translation>Elija un contacto de la lista.</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>Este contacto ya no existe.</translation>
    </message>
    <message>
        <source>A web address cannot contain spaces.</source>
        <translation>Una dirección web no puede contener espacios.</translation>
    </message>
    <message>
        <source>This does not look like a web address (for example mychart.example.org).</source>
        <translation>Esto no parece una dirección web (por ejemplo, mychart.example.org).</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>Se necesita un nombre.</translation>
    </message>
    <message>
        <source>A name can be at most {limit} characters.</source>
        <translation>Un nombre puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>The address is too long.</source>
        <translation>La dirección es demasiado larga.</translation>
    </message>
    <message>
        <source>This does not look like an e-mail address (for example name@example.org).</source>
        <translation>Esto no parece una dirección de correo electrónico (por ejemplo, nombre@example.org).</translation>
    </message>
    <message>
        <source>This folder cannot be found. Choose the disc or folder again.</source>
        <translation>No se encuentra esta carpeta. Vuelva a elegir el disco o la carpeta.</translation>
    </message>
    <message>
        <source>There is no visit {id}.</source>
        <translation>No existe la consulta {id}.</translation>
    </message>
    <message>
        <source>Give the document a title.</source>
        <translation>Póngale un título al documento.</translation>
    </message>
    <message>
        <source>There is no document {id}.</source>
        <translation>No existe el documento {id}.</translation>
    </message>
    <message>
        <source>There is no records request {id}.</source>
        <translation>No existe la solicitud de expedientes {id}.</translation>
    </message>
    <message>
        <source>This entry no longer exists.</source>
        <translation>Esta entrada ya no existe.</translation>
    </message>
    <message>
        <source>This can be at most {limit} characters.</source>
        <translation>Esto puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation>No se pudo leer el archivo ({reason}).</translation>
    </message>
    <message>
        <source>The file does not say whose records it holds; choose the person to import for.</source>
        <translation>El archivo no dice de quién son los expedientes; elija la persona para la que importar.</translation>
    </message>
    <message>
        <source>This opinion no longer exists.</source>
        <translation>Esta opinión ya no existe.</translation>
    </message>
    <message>
        <source>This decision no longer exists.</source>
        <translation>Esta decisión ya no existe.</translation>
    </message>
    <message>
        <source>Choose the doctor who gave this opinion.</source>
        <translation>Elija al médico que dio esta opinión.</translation>
    </message>
    <message>
        <source>The date must be between 1900 and 2100.</source>
        <translation>La fecha debe estar entre 1900 y 2100.</translation>
    </message>
    <message>
        <source>Write at least the diagnosis or the recommended treatment.</source>
        <translation>Escriba al menos el diagnóstico o el tratamiento recomendado.</translation>
    </message>
    <message>
        <source>Choose two or three opinions to compare.</source>
        <translation>Elija dos o tres opiniones para comparar.</translation>
    </message>
    <message>
        <source>Only opinions about the same person can be compared.</source>
        <translation>Solo se pueden comparar opiniones sobre la misma persona.</translation>
    </message>
    <message>
        <source>Write the decision you took.</source>
        <translation>Escriba la decisión que tomó.</translation>
    </message>
    <message>
        <source>The last person in a vault cannot be deleted.</source>
        <translation>No se puede eliminar a la última persona de una bóveda.</translation>
    </message>
    <message>
        <source>A phone number needs at least a few digits.</source>
        <translation>Un número de teléfono necesita al menos unos cuantos dígitos.</translation>
    </message>
    <message>
        <source>This call is no longer in the log.</source>
        <translation>Esta llamada ya no está en el registro.</translation>
    </message>
    <message>
        <source>This question no longer exists.</source>
        <translation>Esta pregunta ya no existe.</translation>
    </message>
    <message>
        <source>This visit no longer exists.</source>
        <translation>Esta consulta ya no existe.</translation>
    </message>
    <message>
        <source>Type the question.</source>
        <translation>Escriba la pregunta.</translation>
    </message>
    <message>
        <source>A question can be at most {limit} characters.</source>
        <translation>Una pregunta puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>An answer can be at most {limit} characters.</source>
        <translation>Una respuesta puede tener como máximo {limit} caracteres.</translation>
    </message>
    <message>
        <source>The list changed meanwhile; reload and try again.</source>
        <translation>La lista cambió mientras tanto; vuelva a cargarla e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This request no longer exists.</source>
        <translation>Esta solicitud ya no existe.</translation>
    </message>
    <message>
        <source>This doctor is no longer in your contacts.</source>
        <translation>Este médico ya no está en sus contactos.</translation>
    </message>
    <message>
        <source>Choose records from this person&apos;s list.</source>
        <translation>Elija registros de la lista de esta persona.</translation>
    </message>
    <message>
        <source>This part of an opinion cannot be compared.</source>
        <translation>Esta parte de una opinión no se puede comparar.</translation>
    </message>
    <message>
        <source>An address fits on six lines at most.</source>
        <translation>Una dirección cabe en seis líneas como máximo.</translation>
    </message>
    <message>
        <source>The law allows the holder one extension only, and this request already has one. Record what they said as a note, or mark the request as a problem.</source>
        <translation>La ley permite al custodio una sola prórroga, y esta solicitud ya tiene una. Anote lo que le dijeron como nota o marque la solicitud como con problema.</translation>
    </message>
    <message>
        <source>An extension must be announced in writing within the first 30 days (by {first}). This one came later: the request is overdue, not extended.</source>
        <translation>Una prórroga debe anunciarse por escrito dentro de los primeros 30 días (a más tardar el {first}). Esta llegó después: la solicitud está atrasada, no prorrogada.</translation>
    </message>
    <message>
        <source>An extension adds at most 30 days: the latest due date the law allows is {latest}.</source>
        <translation>Una prórroga añade 30 días como máximo: la fecha límite más tardía que permite la ley es el {latest}.</translation>
    </message>
    <message>
        <source>A follow-up plan needs at least one day to call on (for example 10, 20, 30).</source>
        <translation>Un plan de seguimiento necesita al menos un día para llamar (por ejemplo, 10, 20, 30).</translation>
    </message>
    <message>
        <source>Choose at least one record for this request.</source>
        <translation>Elija al menos un registro para esta solicitud.</translation>
    </message>
    <message>
        <source>One of the chosen records no longer exists.</source>
        <translation>Uno de los registros elegidos ya no existe.</translation>
    </message>
    <message>
        <source>The records cannot be sent to the one who holds them: choose another recipient.</source>
        <translation>Los expedientes no se pueden enviar a quien los tiene: elija otro destinatario.</translation>
    </message>
    <message>
        <source>Choose how the records travel.</source>
        <translation>Elija cómo se envían los expedientes.</translation>
    </message>
    <message>
        <source>The due date cannot be before the date of the request.</source>
        <translation>La fecha límite no puede ser anterior a la fecha de la solicitud.</translation>
    </message>
    <message>
        <source>The fee must be between 0 and 1,000,000.</source>
        <translation>El cargo debe estar entre 0 y 1.000.000.</translation>
    </message>
    <message>
        <source>The new due date cannot be before the date of the request.</source>
        <translation>La nueva fecha límite no puede ser anterior a la fecha de la solicitud.</translation>
    </message>
    <message>
        <source>Records cannot be sent before they were requested.</source>
        <translation>Los expedientes no se pueden enviar antes de haberse solicitado.</translation>
    </message>
    <message>
        <source>Records cannot arrive before they were requested.</source>
        <translation>Los expedientes no pueden llegar antes de haberse solicitado.</translation>
    </message>
    <message>
        <source>There is no change of state to undo for this request.</source>
        <translation>No hay ningún cambio de estado que deshacer en esta solicitud.</translation>
    </message>
    <message>
        <source>Each day must be between 1 and 365 days after the request was sent.</source>
        <translation>Cada día debe estar entre 1 y 365 días después de enviar la solicitud.</translation>
    </message>
    <message>
        <source>Choose an authorization from the list.</source>
        <translation>Elija una autorización de la lista.</translation>
    </message>
    <message>
        <source>Give the days as numbers separated by commas (for example 10, 20, 30).</source>
        <translation>Escriba los días como números separados por comas (por ejemplo, 10, 20, 30).</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Este registro ya no existe.</translation>
    </message>
    <message>
        <source>Choose between 1 and 365 days.</source>
        <translation>Elija entre 1 y 365 días.</translation>
    </message>
    <message>
        <source>Choose what kind of record this is.</source>
        <translation>Elija qué tipo de registro es.</translation>
    </message>
    <message>
        <source>Choose a holder from the list.</source>
        <translation>Elija un custodio de la lista.</translation>
    </message>
    <message>
        <source>This starter question does not exist.</source>
        <translation>Esta pregunta inicial no existe.</translation>
    </message>
    <message>
        <source>This shipment no longer exists.</source>
        <translation>Este envío ya no existe.</translation>
    </message>
    <message>
        <source>Slides and blocks are recorded on a pathology material record.</source>
        <translation>Las laminillas y los bloques se anotan en un registro de material de patología.</translation>
    </message>
    <message>
        <source>Choose originals or recuts.</source>
        <translation>Elija originales o recortes.</translation>
    </message>
    <message>
        <source>The return-by date cannot be before the slides were shipped ({shipped}).</source>
        <translation>La fecha de devolución no puede ser anterior al envío de las laminillas ({shipped}).</translation>
    </message>
    <message>
        <source>The lab cannot confirm the return before it was sent back.</source>
        <translation>El laboratorio no puede confirmar la devolución antes de que se haya enviado.</translation>
    </message>
    <message>
        <source>A tracking number has only letters, digits and dashes.</source>
        <translation>Un número de rastreo solo tiene letras, dígitos y guiones.</translation>
    </message>
    <message>
        <source>This tracking number is too long.</source>
        <translation>Este número de rastreo es demasiado largo.</translation>
    </message>
    <message>
        <source>Choose the carrier.</source>
        <translation>Elija el transportista.</translation>
    </message>
    <message>
        <source>A parcel cannot be delivered before it was shipped.</source>
        <translation>Un paquete no se puede entregar antes de haberse enviado.</translation>
    </message>
    <message>
        <source>Enter the day of the call.</source>
        <translation>Escriba el día de la llamada.</translation>
    </message>
    <message>
        <source>The holder cannot receive the request before it was sent.</source>
        <translation>El custodio no puede recibir la solicitud antes de que se haya enviado.</translation>
    </message>
    <message>
        <source>A disc is checked on an imaging files record.</source>
        <translation>Un disco se revisa en un registro de archivos de imágenes.</translation>
    </message>
    <message>
        <source>A stain&apos;s slide count is between 1 and 999.</source>
        <translation>La cantidad de laminillas de una tinción está entre 1 y 999.</translation>
    </message>
    <message>
        <source>The slides are due back by {return_by}; they cannot ship after that. Correct the ship date, or the return-by date on the slides.</source>
        <translation>Las laminillas deben devolverse a más tardar el {return_by}; no pueden enviarse después. Corrija la fecha de envío o la fecha de devolución de las laminillas.</translation>
    </message>
    <message>
        <source>This is not a vCard file.</source>
        <translation>Este no es un archivo vCard.</translation>
    </message>
    <message>
        <source>No vCards were found in this file.</source>
        <translation>No se encontraron vCards en este archivo.</translation>
    </message>
    <message>
        <source>This file is too big to be an address book export.</source>
        <translation>Este archivo es demasiado grande para ser una exportación de una libreta de direcciones.</translation>
    </message>
    <message>
        <source>This doctor no longer exists.</source>
        <translation>Este médico ya no existe.</translation>
    </message>
    <message>
        <source>Choose the time zone the visit is in.</source>
        <translation>Elija la zona horaria de la consulta.</translation>
    </message>
    <message>
        <source>A video link starts with https:// — copy it whole from the invitation.</source>
        <translation>Un enlace de video empieza con https://; cópielo completo de la invitación.</translation>
    </message>
    <message>
        <source>A video link has no spaces in it.</source>
        <translation>Un enlace de video no tiene espacios.</translation>
    </message>
    <message>
        <source>The visit time needs a time zone.</source>
        <translation>La hora de la consulta necesita una zona horaria.</translation>
    </message>
    <message>
        <source>A visit lasts between 1 minute and 24 hours.</source>
        <translation>Una consulta dura entre 1 minuto y 24 horas.</translation>
    </message>
    <message>
        <source>The expected cost must be zero or more, and below 100 million.</source>
        <translation>El costo previsto debe ser cero o más, y menos de 100 millones.</translation>
    </message>
    <message>
        <source>Choose the doctor.</source>
        <translation>Elija al médico.</translation>
    </message>
    <message>
        <source>Enter the new due date.</source>
        <translation>Escriba la nueva fecha límite.</translation>
    </message>
    <message>
        <source>A request cannot be marked this way.</source>
        <translation>Una solicitud no se puede marcar de esta manera.</translation>
    </message>
    <message>
        <source>The calendar could not be saved there ({reason}). Choose another folder.</source>
        <translation>No se pudo guardar el calendario ahí ({reason}). Elija otra carpeta.</translation>
    </message>
    <message>
        <source>This visit is in the past. Set its status to Done (or Canceled), or correct the date.</source>
        <translation>Esta consulta ya pasó. Cambie su estado a Hecho (o Cancelada), o corrija la fecha.</translation>
    </message>
    <message>
        <source>This visit is in the past but still marked planned. Mark it done (or canceled) once it has happened.</source>
        <translation>Esta consulta ya pasó, pero sigue marcada como planificada. Márquela como hecha (o cancelada) cuando haya tenido lugar.</translation>
    </message>
    <message>
        <source>No video link yet. Add it when the clinic sends it, so it is in your calendar and visit packet.</source>
        <translation>Todavía no hay enlace de video. Agréguelo cuando la clínica lo envíe, para que esté en su calendario y en el paquete para la consulta.</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <source>Whose case</source>
        <translation>De quién es el caso</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Import health records</source>
        <translation>Importar expedientes de salud</translation>
    </message>
    <message>
        <source>Health records (*.xml *.json *.ccd *.ccda);;All files (*)</source>
        <translation>Archivos de expedientes de salud (*.xml *.json *.ccd *.ccda);;Todos los archivos (*)</translation>
    </message>
</context>
</TS>
