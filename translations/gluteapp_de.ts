<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>BackupSection</name>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>A backup file holds your history, settings, routines and own exercises. Restoring one keeps your current data in a folder beside it, then restarts Gluteapp.</source>
        <translation>Eine Sicherungsdatei enthält deinen Verlauf, deine Einstellungen, Routinen und eigenen Übungen. Beim Wiederherstellen bleiben deine jetzigen Daten in einem Ordner daneben erhalten, danach startet Gluteapp neu.</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>In eine Datei sichern…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Aus einer Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>Automatic backups of the history (made daily and when Gluteapp closes; the newest are kept):</source>
        <translation>Automatische Sicherungen des Verlaufs (täglich und beim Beenden von Gluteapp erstellt; die neuesten bleiben):</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>Automatische Sicherungen</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Newest session</source>
        <translation>Neueste Einheit</translation>
    </message>
    <message>
        <source>Restore this one</source>
        <translation>Diese wiederherstellen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>No automatic backup yet</source>
        <translation>Noch keine automatische Sicherung</translation>
    </message>
    <message>
        <source>Back up to a file</source>
        <translation>In eine Datei sichern</translation>
    </message>
    <message>
        <source>Gluteapp backups (*.zip)</source>
        <translation>Gluteapp-Sicherungen (*.zip)</translation>
    </message>
    <message>
        <source>Backed up to {0}: {1}.</source>
        <translation>Gesichert in {0}: {1}.</translation>
    </message>
    <message>
        <source>Left out (not plain files or unusable names): {0}</source>
        <translation>Ausgelassen (keine normalen Dateien oder unbrauchbare Namen): {0}</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Aus einer Datei wiederherstellen</translation>
    </message>
    <message>
        <source>Gluteapp backups (*.zip *.db);;All files (*)</source>
        <translation>Gluteapp-Sicherungen (*.zip *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Restore {0}? It holds {1}. Your current history, settings, routines and own exercises are kept in a folder in your data folder, and Gluteapp restarts.</source>
        <translation>{0} wiederherstellen? Sie enthält {1}. Dein jetziger Verlauf, deine Einstellungen, Routinen und eigenen Übungen bleiben in einem Ordner in deinem Datenordner erhalten, und Gluteapp startet neu.</translation>
    </message>
    <message>
        <source>Restore the history from this automatic backup? It holds {0}. Your current history is kept in a folder in your data folder (settings and routines stay as they are), and Gluteapp restarts.</source>
        <translation>Den Verlauf aus dieser automatischen Sicherung wiederherstellen? Sie enthält {0}. Dein jetziger Verlauf bleibt in einem Ordner in deinem Datenordner erhalten (Einstellungen und Routinen bleiben, wie sie sind), und Gluteapp startet neu.</translation>
    </message>
    <message>
        <source>A session is running. Finish or end it, then restore.</source>
        <translation>Eine Einheit läuft. Schließe sie ab oder beende sie, dann stelle wieder her.</translation>
    </message>
    <message>
        <source>Another program (a restore on the command line?) is using the data folder {0}. Try again once it has finished.</source>
        <translation>Ein anderes Programm (eine Wiederherstellung auf der Kommandozeile?) benutzt den Datenordner {0}. Versuche es noch einmal, wenn es fertig ist.</translation>
    </message>
    <message>
        <source>Some finished sets are still waiting to be saved. Restore once they are saved (see the message at the top of the window).</source>
        <translation>Einige fertige Sätze warten noch darauf, gespeichert zu werden. Stelle wieder her, sobald sie gespeichert sind (siehe die Meldung oben im Fenster).</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>{0} Gluteapp restarts now.</source>
        <translation>{0} Gluteapp startet jetzt neu.</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}, the newest on {1}</source>
        <translation>{0}, die neueste am {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n routine files</source>
        <translation>
            <numerusform>%n Programmdatei</numerusform>
            <numerusform>%n Programmdateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n own exercise files</source>
        <translation>
            <numerusform>%n Datei eigener Übungen</numerusform>
            <numerusform>%n Dateien eigener Übungen</numerusform>
        </translation>
    </message>
    <message>
        <source>the settings</source>
        <translation>die Einstellungen</translation>
    </message>
    <message>
        <source>Restored {0}.</source>
        <translation>Wiederhergestellt: {0}.</translation>
    </message>
    <message>
        <source>What was there before is kept in {0}.</source>
        <translation>Was vorher da war, liegt jetzt in {0}.</translation>
    </message>
    <message>
        <source>Gluteapp restarts now.</source>
        <translation>Gluteapp startet jetzt neu.</translation>
    </message>
</context>
<context>
    <name>BodyDiagram</name>
    <message>
        <source>Body diagram, seen from behind</source>
        <extracomment>Strong orange for the main target, a pale one for muscles that help; both read on light and dark windows and neither depends on colour alone (the legend and the chips name them).</extracomment>
        <translation>Körperschema, Ansicht von hinten</translation>
    </message>
    <message>
        <source>Seen from behind</source>
        <translation>Ansicht von hinten</translation>
    </message>
    <message>
        <source>Main target</source>
        <translation>Hauptziel</translation>
    </message>
    <message>
        <source>Also worked</source>
        <translation>Mittrainiert</translation>
    </message>
    <message>
        <source>Deep, under the others</source>
        <translation>Tief, unter den anderen</translation>
    </message>
    <message>
        <source>Not in the drawing: {muscles}</source>
        <translation>Nicht in der Zeichnung: {muscles}</translation>
    </message>
    <message>
        <source>Main target: {0}.</source>
        <translation>Hauptziel: {0}.</translation>
    </message>
    <message>
        <source>Also worked: {0}.</source>
        <translation>Mittrainiert: {0}.</translation>
    </message>
</context>
<context>
    <name>CountdownRing</name>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
</context>
<context>
    <name>DayStrip</name>
    <message>
        <source>{0}: session done</source>
        <translation>{0}: Einheit erledigt</translation>
    </message>
    <message>
        <source>{0}: no session</source>
        <translation>{0}: keine Einheit</translation>
    </message>
</context>
<context>
    <name>DisclaimerDialog</name>
    <message>
        <source>Before you start</source>
        <translation>Bevor du beginnst</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation>Ich habe den medizinischen Hinweis verstanden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Gluteapp</source>
        <translation>Gluteapp beenden</translation>
    </message>
</context>
<context>
    <name>DisclaimerPage</name>
    <message>
        <source>Please read this once. You can find it again under Library, Learn.</source>
        <translation>Bitte lies dies einmal durch. Du findest es jederzeit wieder unter Bibliothek, Wissen.</translation>
    </message>
    <message>
        <source>Medical disclaimer</source>
        <translation>Medizinischer Hinweis</translation>
    </message>
</context>
<context>
    <name>DosePlan</name>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} Schritte</translation>
    </message>
    <message>
        <source>{0} reps</source>
        <translation>{0} Wiederholungen</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>hamstrings</source>
        <translation>hintere Oberschenkel</translation>
    </message>
    <message>
        <source>{0}: {1} today, up from {2}</source>
        <translation>{0}: heute {1}, statt bisher {2}</translation>
    </message>
    <message>
        <source>{0}: the easier version today, “{1}”, {2}</source>
        <translation>{0}: heute die leichtere Variante „{1}“, {2}</translation>
    </message>
    <message>
        <source>{0}: {1} today, already its lowest dose</source>
        <translation>{0}: heute {1}, schon die niedrigste Dosis</translation>
    </message>
    <message>
        <source>{0}: {1} today, down from {2}</source>
        <translation>{0}: heute {1}, weniger als bisher {2}</translation>
    </message>
    <message>
        <source>{0}: the harder version today, “{1}”, {2}</source>
        <translation>{0}: heute die schwerere Variante „{1}“, {2}</translation>
    </message>
    <message>
        <source>{0}: back to the standard version, {1}</source>
        <translation>{0}: zurück zur normalen Ausführung, {1}</translation>
    </message>
    <message>
        <source>{0}: {1}, the routine&apos;s dose</source>
        <translation>{0}: {1}, wie im Programm vorgesehen</translation>
    </message>
    <message>
        <source>{0}: {1} today, the same as last time</source>
        <translation>{0}: heute {1}, wie beim letzten Mal</translation>
    </message>
    <message>
        <source>This is your first time with it.</source>
        <translation>Du machst diese Übung zum ersten Mal.</translation>
    </message>
    <message>
        <source>There is one session to go on; two good sessions in a row move it up.</source>
        <translation>Bisher gibt es nur eine Einheit in dieser Dosis; nach zwei guten Einheiten hintereinander geht es höher.</translation>
    </message>
    <message>
        <source>The dose could not be completed in your last two sessions.</source>
        <translation>Die Dosis war in deinen letzten beiden Einheiten nicht ganz zu schaffen.</translation>
    </message>
    <message>
        <source>The dose was not completed in one of your last two sessions.</source>
        <translation>In einer deiner letzten beiden Einheiten wurde die Dosis nicht ganz geschafft.</translation>
    </message>
    <message>
        <source>Some sets were felt somewhere other than the glutes; it moves up once they are felt in the glutes.</source>
        <translation>Einige Sätze hast du nicht im Gesäß gespürt; gesteigert wird, sobald sie im Gesäß ankommen.</translation>
    </message>
    <message>
        <source>The last sessions have no rating for pain or for where you felt it; rate your sets after each one so the dose can move up.</source>
        <translation>Für die letzten Einheiten fehlt die Bewertung von Schmerz oder Ort; bewerte deine Sätze nach jedem Satz, damit die Dosis steigen kann.</translation>
    </message>
    <message>
        <source>You are at the top of the source article&apos;s range, and it gives no harder version.</source>
        <translation>Du bist am oberen Ende des Bereichs aus dem Quellartikel, und er nennt keine schwerere Variante.</translation>
    </message>
    <message>
        <source>The source article gives no range for this kind of dose.</source>
        <translation>Der Quellartikel nennt für diese Art von Dosis keinen Bereich.</translation>
    </message>
    <message>
        <source>The easier version went well twice in a row.</source>
        <translation>Die leichtere Variante lief zweimal hintereinander gut.</translation>
    </message>
    <message numerus="yes">
        <source>Mostly felt in the {0}: {1} of the last %n rated sets.</source>
        <translation>
            <numerusform>Meist hier gespürt: {0}, bei {1} von %n zuletzt bewerteten Satz.</numerusform>
            <numerusform>Meist hier gespürt: {0}, bei {1} von %n zuletzt bewerteten Sätzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check: {0}</source>
        <translation>Achtung: {0}</translation>
    </message>
    <message>
        <source>Coach tip: {0}</source>
        <translation>Tipp: {0}</translation>
    </message>
    <message>
        <source>the easier version, “{0}”</source>
        <translation>die leichtere Variante „{0}“</translation>
    </message>
    <message>
        <source>another exercise for the same muscle: {0}</source>
        <translation>eine andere Übung für denselben Muskel: {0}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Consider {0}.</source>
        <translation>Probier {0}.</translation>
    </message>
    <message>
        <source>How to do {0}</source>
        <translation>Anleitung: {0}</translation>
    </message>
    <message>
        <source>“{0}”, {1}</source>
        <translation>„{0}“, {1}</translation>
    </message>
    <message>
        <source>Use the suggestion: {0}</source>
        <translation>Vorschlag nehmen: {0}</translation>
    </message>
    <message>
        <source>Keep last time&apos;s: {0}</source>
        <translation>Wie letztes Mal: {0}</translation>
    </message>
    <message>
        <source>How: {0}</source>
        <translation>So geht&apos;s: {0}</translation>
    </message>
    <message>
        <source>Add one extra set for your weaker {0} side</source>
        <translation>Einen zusätzlichen Satz für die schwächere Seite ({0})</translation>
    </message>
    <message>
        <source>Today&apos;s plan: {0}</source>
        <translation>Heutiger Plan: {0}</translation>
    </message>
    <message>
        <source>Based on your last sessions. Choose for each exercise whether to use the suggestion or keep last time&apos;s dose. Stop a set when pain reaches {0} out of 10.</source>
        <translation>Auf Grundlage deiner letzten Einheiten. Wähle für jede Übung, ob du den Vorschlag nimmst oder die Dosis vom letzten Mal behältst. Brich einen Satz ab, sobald der Schmerz {0} von 10 erreicht.</translation>
    </message>
    <message>
        <source>Your {0} side has stayed about {1:.0f} % behind your {2} side over the last three sessions. Exercises done one side at a time start on the {0} side today.</source>
        <translation>In den letzten drei Einheiten lag deine Seite {0} etwa {1:.0f} % hinter der Seite {2}. Einseitige Übungen beginnen heute {0}.</translation>
    </message>
    <message>
        <source>Start the session</source>
        <translation>Einheit starten</translation>
    </message>
    <message>
        <source>Back to the routines</source>
        <translation>Zurück zu den Programmen</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong, and Gluteapp carried on. If something does not work as expected, the log says what happened:
{path}</source>
        <translation>Etwas ist schiefgegangen, aber Gluteapp läuft weiter. Wenn etwas nicht wie erwartet funktioniert, steht im Protokoll, was passiert ist:
{path}</translation>
    </message>
    <message numerus="yes">
        <source>This has happened %n times since the start.</source>
        <translation>
            <numerusform>Das ist seit dem Start %n-mal passiert.</numerusform>
            <numerusform>Das ist seit dem Start %n-mal passiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The problem: {summary}</source>
        <translation>Das Problem: {summary}</translation>
    </message>
    <message>
        <source>Gluteapp</source>
        <translation>Gluteapp</translation>
    </message>
</context>
<context>
    <name>ExerciseDelegate</name>
    <message>
        <source>Yours</source>
        <extracomment>Combo box data for &quot;any&quot; and the two choices that are not a single enum value.</extracomment>
        <translation>Deine</translation>
    </message>
</context>
<context>
    <name>ExerciseDetail</name>
    <message>
        <source>Exercise details</source>
        <translation>Übungsdetails</translation>
    </message>
    <message>
        <source>No exercise matches the search and filters. Try fewer words or clear the filters.</source>
        <translation>Keine Übung passt zur Suche und zu den Filtern. Versuche es mit weniger Wörtern oder setze die Filter zurück.</translation>
    </message>
    <message>
        <source>Exercise name</source>
        <translation>Name der Übung</translation>
    </message>
    <message>
        <source>Dosage</source>
        <translation>Dosierung</translation>
    </message>
    <message>
        <source>Works</source>
        <translation>Trainiert</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Missing equipment</source>
        <translation>Fehlende Ausrüstung</translation>
    </message>
    <message>
        <source>Cautions</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>Your own exercise</source>
        <translation>Deine eigene Übung</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit your exercise</source>
        <translation>Deine Übung bearbeiten</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete your exercise</source>
        <translation>Deine Übung löschen</translation>
    </message>
    <message>
        <source>About these muscles</source>
        <translation>Über diese Muskeln</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>So geht es</translation>
    </message>
    <message>
        <source>Coach tips</source>
        <translation>Trainertipps</translation>
    </message>
    <message>
        <source>Common mistakes</source>
        <translation>Häufige Fehler</translation>
    </message>
    <message>
        <source>Easier</source>
        <translation>Leichter</translation>
    </message>
    <message>
        <source>Harder</source>
        <translation>Schwerer</translation>
    </message>
    <message>
        <source>Why this dose</source>
        <translation>Warum diese Dosierung</translation>
    </message>
    <message>
        <source>The movement</source>
        <translation>Der Bewegungsablauf</translation>
    </message>
    <message>
        <source>Medical disclaimer</source>
        <translation>Medizinischer Hinweis</translation>
    </message>
    <message>
        <source>General guidance, not medical advice. Stop when it hurts, as the safety rule in the disclaimer says, and follow what your physiotherapist prescribed.</source>
        <translation>Allgemeine Hinweise, keine medizinische Beratung. Hör auf, wenn es wehtut, wie es die Sicherheitsregel im medizinischen Hinweis sagt, und halte dich an die Vorgaben aus deiner Physiotherapie.</translation>
    </message>
    <message>
        <source>Read the disclaimer</source>
        <translation>Hinweis lesen</translation>
    </message>
    <message>
        <source>Also called: {0}</source>
        <translation>Auch bekannt als: {0}</translation>
    </message>
    <message>
        <source>Source: {title} — {publisher}</source>
        <translation>Quelle: {title} — {publisher}</translation>
    </message>
    <message>
        <source>Needs what you do not have at hand: {0}. You can change your equipment in Settings.</source>
        <translation>Braucht etwas, das du nicht zur Hand hast: {0}. Deine Ausrüstung kannst du in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>{0} s down</source>
        <translation>{0} s ab</translation>
    </message>
    <message>
        <source>{0} s pause</source>
        <translation>{0} s halten</translation>
    </message>
    <message>
        <source>{0} s up</source>
        <translation>{0} s auf</translation>
    </message>
    <message>
        <source>Each rep: {0}</source>
        <translation>Jede Wiederholung: {0}</translation>
    </message>
    <message>
        <source>No equipment</source>
        <translation>Ohne Hilfsmittel</translation>
    </message>
    <message>
        <source>No equipment (a mat helps)</source>
        <translation>Ohne Hilfsmittel (eine Matte hilft)</translation>
    </message>
    <message>
        <source>Each side</source>
        <translation>Pro Seite</translation>
    </message>
</context>
<context>
    <name>ExerciseEditor</name>
    <message>
        <source>New exercise</source>
        <extracomment>The joints a figure can be adjusted at: (the word shown, the angles it moves).</extracomment>
        <translation>Neue Übung</translation>
    </message>
    <message>
        <source>Edit exercise: {0}</source>
        <translation>Übung bearbeiten: {0}</translation>
    </message>
    <message>
        <source>For example: Clamshell with band</source>
        <translation>Zum Beispiel: Muschel mit Band</translation>
    </message>
    <message>
        <source>What it does, in one sentence</source>
        <translation>Was sie bewirkt, in einem Satz</translation>
    </message>
    <message>
        <source>One step per line, in order (at least two)</source>
        <translation>Ein Schritt pro Zeile, der Reihe nach (mindestens zwei)</translation>
    </message>
    <message>
        <source>One tip per line (at least one)</source>
        <translation>Ein Tipp pro Zeile (mindestens einer)</translation>
    </message>
    <message>
        <source>One caution per line, such as when to stop (at least one)</source>
        <translation>Ein Warnhinweis pro Zeile, etwa wann du aufhörst (mindestens einer)</translation>
    </message>
    <message>
        <source>Who gave it to you (optional)</source>
        <translation>Wer sie dir gegeben hat (freiwillig)</translation>
    </message>
    <message>
        <source>Target muscles</source>
        <translation>Zielmuskeln</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Hilfsmittel</translation>
    </message>
    <message>
        <source>One side at a time (left, then right)</source>
        <translation>Eine Seite nach der anderen (links, dann rechts)</translation>
    </message>
    <message>
        <source>Seconds down-pause-up for each rep, such as 2-0-2</source>
        <translation>Sekunden ab-halten-auf pro Wiederholung, etwa 2-0-2</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Temp&amp;o</source>
        <translation>Temp&amp;o</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>S&amp;ummary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>S&amp;teps</source>
        <translation>&amp;Schritte</translation>
    </message>
    <message>
        <source>T&amp;ips</source>
        <translation>T&amp;ipps</translation>
    </message>
    <message>
        <source>&amp;Cautions</source>
        <translation>&amp;Warnhinweise</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;Kind of dose</source>
        <translation>&amp;Art der Dosis</translation>
    </message>
    <message>
        <source>S&amp;ets</source>
        <translation>Sätz&amp;e</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Menge</translation>
    </message>
    <message>
        <source>&amp;Rest between sets</source>
        <translation>Pa&amp;use zwischen Sätzen</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>Target &amp;muscles</source>
        <translation>Zie&amp;lmuskeln</translation>
    </message>
    <message>
        <source>E&amp;quipment</source>
        <translation>&amp;Hilfsmittel</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <source>A figure, from the closest built-in one</source>
        <translation>Eine Figur, ausgehend von der ähnlichsten mitgelieferten</translation>
    </message>
    <message>
        <source>A photo</source>
        <translation>Ein Foto</translation>
    </message>
    <message>
        <source>Built-in figure to start from</source>
        <translation>Mitgelieferte Figur als Ausgangspunkt</translation>
    </message>
    <message>
        <source>Adjust (degrees)</source>
        <translation>Anpassen (Grad)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Start position</source>
        <translation>Ausgangsposition</translation>
    </message>
    <message>
        <source>End position</source>
        <translation>Endposition</translation>
    </message>
    <message>
        <source>C&amp;hoose a photo…</source>
        <translation>&amp;Foto wählen…</translation>
    </message>
    <message>
        <source>Photo of the exercise</source>
        <translation>Foto der Übung</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save the exercise</source>
        <translation>Die Übung speichern</translation>
    </message>
    <message>
        <source>Working hip (bend)</source>
        <translation>Arbeitende Hüfte (beugen)</translation>
    </message>
    <message>
        <source>Other hip (bend)</source>
        <translation>Andere Hüfte (beugen)</translation>
    </message>
    <message>
        <source>Working knee (bend)</source>
        <translation>Arbeitendes Knie (beugen)</translation>
    </message>
    <message>
        <source>Other knee (bend)</source>
        <translation>Anderes Knie (beugen)</translation>
    </message>
    <message>
        <source>Trunk (lean forward)</source>
        <translation>Oberkörper (nach vorn neigen)</translation>
    </message>
    <message>
        <source>Arms (raise)</source>
        <translation>Arme (heben)</translation>
    </message>
    <message>
        <source>seconds held</source>
        <translation>Sekunden halten</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Choose a photo of the exercise</source>
        <translation>Wähle ein Foto der Übung</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>your own notes</source>
        <translation>deine eigenen Notizen</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>Von dir hinzugefügt</translation>
    </message>
    <message>
        <source>Give the exercise a name of at least 3 letters.</source>
        <translation>Gib der Übung einen Namen mit mindestens 3 Zeichen.</translation>
    </message>
    <message>
        <source>Say in a sentence (at least 10 letters) what the exercise does.</source>
        <translation>Sag in einem Satz (mindestens 10 Zeichen), was die Übung bewirkt.</translation>
    </message>
    <message>
        <source>Write at least two steps, one per line.</source>
        <translation>Schreib mindestens zwei Schritte, einen pro Zeile.</translation>
    </message>
    <message>
        <source>Each step, tip and caution needs at least 3 letters.</source>
        <translation>Jeder Schritt, Tipp und Warnhinweis braucht mindestens 3 Zeichen.</translation>
    </message>
    <message>
        <source>Write at least one tip.</source>
        <translation>Schreib mindestens einen Tipp.</translation>
    </message>
    <message>
        <source>Write at least one caution, such as when to stop.</source>
        <translation>Schreib mindestens einen Warnhinweis, etwa wann du aufhörst.</translation>
    </message>
    <message>
        <source>Tick at least one target muscle.</source>
        <translation>Hake mindestens einen Zielmuskel an.</translation>
    </message>
    <message>
        <source>The amount&apos;s upper end is below its lower end.</source>
        <translation>Das obere Ende der Menge liegt unter dem unteren.</translation>
    </message>
    <message>
        <source>Choose the built-in figure to start from.</source>
        <translation>Wähle die mitgelieferte Figur, von der du ausgehst.</translation>
    </message>
    <message>
        <source>Choose a photo, or another picture.</source>
        <translation>Wähle ein Foto oder eine andere Art von Bild.</translation>
    </message>
    <message>
        <source>Write the tempo as seconds down-pause-up, such as 2-0-2.</source>
        <translation>Schreib das Tempo als Sekunden ab-halten-auf, etwa 2-0-2.</translation>
    </message>
    <message>
        <source>The exercise could not be written to {0}: {1}</source>
        <translation>Die Übung konnte nicht in {0} gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>The routine {0} uses this exercise and would no longer load: {1} Change the routine first, or keep the kind of dose.</source>
        <translation>Das Programm {0} nutzt diese Übung und ließe sich nicht mehr laden: {1} Ändere zuerst das Programm oder behalte die Art der Dosis.</translation>
    </message>
</context>
<context>
    <name>ExerciseModel</name>
    <message>
        <source>{dosage} · rest {rest} s</source>
        <translation>{dosage} · Erholung {rest} s</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Gluteapp</source>
        <translation>Willkommen bei Gluteapp</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Quit Gluteapp</source>
        <translation>Gluteapp beenden</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>I understand the disclaimer</source>
        <translation>Ich habe den medizinischen Hinweis verstanden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the disclaimer</source>
        <translation>Zurück zum medizinischen Hinweis</translation>
    </message>
    <message>
        <source>Start using Gluteapp</source>
        <translation>Mit Gluteapp loslegen</translation>
    </message>
    <message>
        <source>Save the answers and start</source>
        <translation>Antworten speichern und loslegen</translation>
    </message>
</context>
<context>
    <name>Gluteapp</name>
    <message>
        <source>A session is running. Quit anyway? The sets you finished are saved.</source>
        <translation>Eine Einheit läuft. Trotzdem beenden? Deine abgeschlossenen Sätze sind gespeichert.</translation>
    </message>
</context>
<context>
    <name>HistoryReport</name>
    <message>
        <source>Gluteapp progress report</source>
        <extracomment>Sessions averaged for &quot;at the start&quot; and &quot;lately&quot; in the trend sentences. Short for the literal calls below; pyside6-lupdate reads `translate(&quot;HistoryReport&quot;, &quot;...&quot;)`.</extracomment>
        <translation>Gluteapp-Fortschrittsbericht</translation>
    </message>
    <message>
        <source>{start} to {end} ({range}). Prepared on {today}.</source>
        <translation>{start} bis {end} ({range}). Erstellt am {today}.</translation>
    </message>
    <message>
        <source>No sessions were recorded in this period.</source>
        <translation>In diesem Zeitraum wurden keine Einheiten aufgezeichnet.</translation>
    </message>
    <message>
        <source>Recorded by the person during home sessions with Gluteapp {0}: holds are timed by the app, reps are as counted, pain (0-10) and where a set was felt are the person&apos;s own ratings. This is a training log, not a diagnosis.</source>
        <translation>Von der Person selbst bei Einheiten zu Hause mit Gluteapp {0} aufgezeichnet: Haltezeiten misst die App, Wiederholungen sind selbst gezählt, Schmerz (0-10) und wo ein Satz gespürt wurde sind eigene Angaben der Person. Dies ist ein Trainingsprotokoll, keine Diagnose.</translation>
    </message>
    <message>
        <source>Each bar is a month: the mean sessions a week of its weeks.</source>
        <translation>Jeder Balken ist ein Monat: die mittlere Zahl der Einheiten pro Woche in seinen Wochen.</translation>
    </message>
    <message>
        <source>{sessions} in {weeks} ({per_week} a week) against a goal of {goal} a week. The goal was met in {met} of them; the current run of weeks at the goal is {streak}, the longest in this period {longest}.</source>
        <translation>{sessions} in {weeks} ({per_week} pro Woche) bei einem Ziel von {goal} pro Woche. Das Ziel wurde in {met} davon erreicht; die aktuelle Serie von Wochen am Ziel ist {streak}, die längste in diesem Zeitraum {longest}.</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n Einheit</numerusform>
            <numerusform>%n Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>{completed} completed, {early} ended early, {interrupted} interrupted; {sets} on {days}.</source>
        <translation>{completed} abgeschlossen, {early} vorzeitig beendet, {interrupted} unterbrochen; {sets} an {days}.</translation>
    </message>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active days</source>
        <translation>
            <numerusform>%n aktiven Tag</numerusform>
            <numerusform>%n aktiven Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Adherence</source>
        <translation>Regelmäßigkeit</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Target (mean)</source>
        <translation>Ziel (Mittel)</translation>
    </message>
    <message>
        <source>Done (mean)</source>
        <translation>Erreicht (Mittel)</translation>
    </message>
    <message>
        <source>Done of target</source>
        <translation>Anteil am Ziel</translation>
    </message>
    <message>
        <source>Sets at target</source>
        <translation>Sätze mit Ziel erreicht</translation>
    </message>
    <message>
        <source>Target, first → last</source>
        <translation>Ziel, erstes → letztes</translation>
    </message>
    <message>
        <source>Per exercise, the target set for each set (prescribed) against what was held or counted (done), over the sets that have both.</source>
        <translation>Je Übung das Ziel jedes Satzes (verordnet) im Vergleich zu dem, was gehalten oder gezählt wurde (erreicht), über die Sätze, für die beides vorliegt.</translation>
    </message>
    <message>
        <source>Dose done against prescribed</source>
        <translation>Erreichte und verordnete Dosis</translation>
    </message>
    <message>
        <source>Per-side trend</source>
        <translation>Verlauf je Seite</translation>
    </message>
    <message>
        <source>No one-sided exercises in this period.</source>
        <translation>Keine einseitigen Übungen in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Left, start → lately</source>
        <translation>Links, Beginn → zuletzt</translation>
    </message>
    <message>
        <source>Right, start → lately</source>
        <translation>Rechts, Beginn → zuletzt</translation>
    </message>
    <message>
        <source>Left : right, start → lately</source>
        <translation>Links : rechts, Beginn → zuletzt</translation>
    </message>
    <message>
        <source>Best set per session on each side, averaged over the first and the latest {0} sessions; a side cut short (skipped, or the exercise or session ended during it) is left out. A left : right ratio below 1 means the left side did less.</source>
        <translation>Bester Satz je Einheit und Seite, gemittelt über die ersten und die letzten {0} Einheiten; eine verkürzte Seite (übersprungen, oder die Übung oder Einheit wurde dabei beendet) zählt nicht mit. Ein Verhältnis links : rechts unter 1 heißt, dass die linke Seite weniger geschafft hat.</translation>
    </message>
    <message>
        <source>{0}: left and right per session, and their ratio.</source>
        <translation>{0}: links und rechts je Einheit und ihr Verhältnis.</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>No set was rated for pain.</source>
        <translation>Für keinen Satz wurde der Schmerz bewertet.</translation>
    </message>
    <message numerus="yes">
        <source>Average pain per rated set (0-10): {start} in the first {n} sessions, {late} in the latest {n}. Highest rating: {worst} on {day}. {rated} of %n sets were rated.</source>
        <translation>
            <numerusform>Durchschnittlicher Schmerz pro bewertetem Satz (0-10): {start} in den ersten {n} Einheiten, {late} in den letzten {n}. Höchste Bewertung: {worst} am {day}. Bewertet: {rated} von %n Satz.</numerusform>
            <numerusform>Durchschnittlicher Schmerz pro bewertetem Satz (0-10): {start} in den ersten {n} Einheiten, {late} in den letzten {n}. Höchste Bewertung: {worst} am {day}. Bewertet: {rated} von %n Sätzen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sets felt in the glutes: {start} % in the first {n} sessions, {late} % in the latest {n}. Over the period: {spread} of %n rated sets.</source>
        <translation>
            <numerusform>Im Gesäß gespürte Sätze: {start} % in den ersten {n} Einheiten, {late} % in den letzten {n}. Über den Zeitraum: {spread} von %n bewerteten Satz.</numerusform>
            <numerusform>Im Gesäß gespürte Sätze: {start} % in den ersten {n} Einheiten, {late} % in den letzten {n}. Über den Zeitraum: {spread} von %n bewerteten Sätzen.</numerusform>
        </translation>
    </message>
    <message>
        <source>“It hurts”</source>
        <translation>„Es tut weh“</translation>
    </message>
    <message>
        <source>“It hurts” was not pressed in this period.</source>
        <translation>„Es tut weh“ wurde in diesem Zeitraum nicht gedrückt.</translation>
    </message>
    <message>
        <source>Where the exercises were felt</source>
        <translation>Wo die Übungen gespürt wurden</translation>
    </message>
    <message>
        <source>No set was rated for where it was felt.</source>
        <translation>Für keinen Satz wurde angegeben, wo er gespürt wurde.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>No session notes in this period.</source>
        <translation>Keine Notizen zu Einheiten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Goal: {0} a week</source>
        <translation>Ziel: {0} pro Woche</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Schmerz (0–10)</translation>
    </message>
    <message>
        <source>Weekly average</source>
        <translation>Durchschnitt der Woche</translation>
    </message>
    <message>
        <source>Session average</source>
        <translation>Durchschnitt der Einheit</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Worst of the week</source>
        <translation>Höchster Wert der Woche</translation>
    </message>
    <message>
        <source>Session worst</source>
        <translation>Höchster Wert der Einheit</translation>
    </message>
    <message>
        <source>% felt in the glutes</source>
        <translation>% im Gesäß gespürt</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Seconds held</source>
        <translation>Gehaltene Sekunden</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Left ÷ right</source>
        <translation>Links ÷ rechts</translation>
    </message>
    <message>
        <source>even</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>The exercises done</source>
        <extracomment>One figure&apos;s place on the page, in the report&apos;s units; drawn at twice that for print.</extracomment>
        <translation>Die durchgeführten Übungen</translation>
    </message>
    <message>
        <source>Each exercise&apos;s start and end position, as the app showed them (start on the left); one-sided exercises are drawn for the left side.</source>
        <translation>Start- und Endposition jeder Übung, wie die App sie gezeigt hat (Start links); einseitige Übungen sind für die linke Seite gezeichnet.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Show:</source>
        <extracomment>Weeks given to the active-days calendar at most: more than fit on any screen.</extracomment>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 Wochen</translation>
    </message>
    <message>
        <source>Show the last 4 weeks</source>
        <translation>Die letzten 4 Wochen anzeigen</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 Monate</translation>
    </message>
    <message>
        <source>Show the last 3 months</source>
        <translation>Die letzten 3 Monate anzeigen</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Ein Jahr</translation>
    </message>
    <message>
        <source>Show the last year</source>
        <translation>Das letzte Jahr anzeigen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Show the whole history</source>
        <translation>Den gesamten Verlauf anzeigen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export every set as a CSV file</source>
        <translation>Alle Sätze als CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>Report for your physiotherapist (PDF)…</source>
        <translation>Bericht für die Physiotherapie (PDF)…</translation>
    </message>
    <message>
        <source>Save a PDF report of this period for your physiotherapist</source>
        <translation>Einen PDF-Bericht über diesen Zeitraum für die Physiotherapie speichern</translation>
    </message>
    <message>
        <source>History sections</source>
        <translation>Bereiche des Verlaufs</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Überblick</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>No sessions yet — your first session will show up here</source>
        <translation>Noch keine Einheiten – deine erste Einheit erscheint hier</translation>
    </message>
    <message>
        <source>Start a routine from Sessions. Every set you complete is saved at once, and here you will see sessions per week against your goal of {0}, your holds and reps, left against right, and how the exercises felt.</source>
        <translation>Starte ein Programm unter Training. Jeder abgeschlossene Satz wird sofort gespeichert. Hier siehst du dann deine Einheiten pro Woche im Vergleich zu deinem Ziel von {0}, deine Haltezeiten und Wiederholungen, links im Vergleich zu rechts und wie sich die Übungen angefühlt haben.</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>Als PNG speichern…</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Weeks at your goal</source>
        <translation>Wochen mit erreichtem Ziel</translation>
    </message>
    <message>
        <source>Current streak</source>
        <translation>Aktuelle Serie</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>Goal: {0} a week</source>
        <translation>Ziel: {0} pro Woche</translation>
    </message>
    <message>
        <source>Each bar is a month: the mean sessions a week of its weeks</source>
        <translation>Jeder Balken ist ein Monat: die mittlere Zahl der Einheiten pro Woche in seinen Wochen</translation>
    </message>
    <message>
        <source>{day}: {count} session(s)</source>
        <translation>{day}: {count} Einheit(en)</translation>
    </message>
    <message>
        <source>Pain (0–10)</source>
        <translation>Schmerz (0–10)</translation>
    </message>
    <message>
        <source>Session average</source>
        <translation>Durchschnitt der Einheit</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Session worst</source>
        <translation>Höchster Wert der Einheit</translation>
    </message>
    <message>
        <source>% of rated sets</source>
        <translation>% der bewerteten Sätze</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Einheiten pro Woche</translation>
    </message>
    <message>
        <source>Pain during sets</source>
        <translation>Schmerz während der Sätze</translation>
    </message>
    <message>
        <source>Sets felt in the glutes</source>
        <translation>Im Gesäß gespürte Sätze</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Per session, show</source>
        <translation>Pro Einheit anzeigen</translation>
    </message>
    <message>
        <source>Best set</source>
        <translation>Bester Satz</translation>
    </message>
    <message>
        <source>Average of the sets</source>
        <translation>Durchschnitt der Sätze</translation>
    </message>
    <message>
        <source>Exercise:</source>
        <translation>Übung:</translation>
    </message>
    <message>
        <source>Per session, show:</source>
        <translation>Pro Einheit anzeigen:</translation>
    </message>
    <message>
        <source>Seconds held</source>
        <translation>Gehaltene Sekunden</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Left ÷ right</source>
        <translation>Links ÷ rechts</translation>
    </message>
    <message>
        <source>even</source>
        <translation>ausgeglichen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Felt in the glutes</source>
        <translation>Im Gesäß gespürt</translation>
    </message>
    <message>
        <source>Left and right</source>
        <translation>Links und rechts</translation>
    </message>
    <message>
        <source>Left : right ratio (1 = even)</source>
        <translation>Verhältnis links : rechts (1 = ausgeglichen)</translation>
    </message>
    <message>
        <source>Past sessions and their sets</source>
        <translation>Frühere Einheiten und ihre Sätze</translation>
    </message>
    <message>
        <source>Could not read your history: {0}</source>
        <translation>Dein Verlauf konnte nicht gelesen werden: {0}</translation>
    </message>
    <message>
        <source>Saved the report to {0}</source>
        <translation>Bericht unter {0} gespeichert</translation>
    </message>
    <message>
        <source>Sessions per week, a bar a month</source>
        <translation>Einheiten pro Woche, ein Balken je Monat</translation>
    </message>
    <message>
        <source>No sessions in this period. Pick a longer range above.</source>
        <translation>Keine Einheiten in diesem Zeitraum. Wähle oben einen längeren Zeitraum.</translation>
    </message>
    <message>
        <source>No set was rated for pain in this period.</source>
        <translation>In diesem Zeitraum wurde kein Satz nach Schmerz bewertet.</translation>
    </message>
    <message>
        <source>No set was rated for where it was felt in this period.</source>
        <translation>In diesem Zeitraum wurde bei keinem Satz angegeben, wo er gespürt wurde.</translation>
    </message>
    <message>
        <source>Weekly average</source>
        <translation>Durchschnitt der Woche</translation>
    </message>
    <message>
        <source>Worst of the week</source>
        <translation>Höchster Wert der Woche</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Per week, show:</source>
        <translation>Pro Woche anzeigen:</translation>
    </message>
    <message>
        <source>Each point is one week: the mean of its rated sets</source>
        <translation>Jeder Punkt ist eine Woche: der Durchschnitt ihrer bewerteten Sätze</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>sessions so far</source>
        <translation>Einheiten bisher</translation>
    </message>
    <message>
        <source>at least {0}</source>
        <translation>mindestens {0}</translation>
    </message>
    <message>
        <source>Longest in this period: {0}</source>
        <translation>Längste in diesem Zeitraum: {0}</translation>
    </message>
    <message>
        <source>{0} ended early</source>
        <translation>{0} vorzeitig beendet</translation>
    </message>
    <message>
        <source>{0} interrupted</source>
        <translation>{0} unterbrochen</translation>
    </message>
    <message>
        <source>all completed</source>
        <translation>alle abgeschlossen</translation>
    </message>
    <message>
        <source>No exercises done in this period.</source>
        <translation>In diesem Zeitraum wurden keine Übungen gemacht.</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Prescribed in the library: {0}</source>
        <translation>Vorgabe in der Bibliothek: {0}</translation>
    </message>
    <message>
        <source>No measured sets of {0} in this period.</source>
        <translation>Keine gemessenen Sätze von {0} in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>{0} works both sides at once, so there is no left and right to compare. Pick a one-sided exercise, such as a side plank or a clamshell.</source>
        <translation>{0} trainiert beide Seiten gleichzeitig, daher gibt es kein Links und Rechts zu vergleichen. Wähle eine einseitige Übung, etwa den Seitstütz oder die Muschel (Clamshell).</translation>
    </message>
    <message>
        <source>No session with both sides measured in this period.</source>
        <translation>In diesem Zeitraum gibt es keine Einheit, in der beide Seiten gemessen wurden.</translation>
    </message>
    <message>
        <source>No set of {0} was rated for where it was felt in this period.</source>
        <translation>In diesem Zeitraum wurde bei {0} kein Satz danach bewertet, wo er zu spüren war.</translation>
    </message>
    <message>
        <source>Save PNG of the chart “{0}”</source>
        <translation>Diagramm „{0}“ als PNG speichern</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sets to {0}</source>
        <translation>
            <numerusform>%n Satz nach {0} exportiert</numerusform>
            <numerusform>%n Sätze nach {0} exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} sessions a week on average</source>
        <translation>im Schnitt {0} Einheiten pro Woche</translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n Woche</numerusform>
            <numerusform>%n Wochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sets in all</source>
        <translation>
            <numerusform>%n Satz insgesamt</numerusform>
            <numerusform>%n Sätze insgesamt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} (%n sets)</source>
        <translation>
            <numerusform>{0} (%n Satz)</numerusform>
            <numerusform>{0} (%n Sätze)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diagramm als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not save the chart: {0}</source>
        <translation>Das Diagramm konnte nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>Saved the chart to {0}</source>
        <translation>Diagramm unter {0} gespeichert</translation>
    </message>
    <message>
        <source>Export history as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not export: {0}</source>
        <translation>Export fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the report: {0}</source>
        <translation>Der Bericht konnte nicht gespeichert werden: {0}</translation>
    </message>
</context>
<context>
    <name>HomeSheet</name>
    <message>
        <source>, each side</source>
        <extracomment>Short for the literal calls below; pyside6-lupdate reads `translate(&quot;HomeSheet&quot;, &quot;...&quot;)`.</extracomment>
        <translation>, pro Seite</translation>
    </message>
    <message>
        <source>rest {0} s between sets</source>
        <translation>{0} s Erholung zwischen den Sätzen</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>This version: {0}</source>
        <translation>Diese Variante: {0}</translation>
    </message>
    <message>
        <source>How to do it</source>
        <translation>So geht es</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Vorsicht</translation>
    </message>
    <message>
        <source>The pictures show the left side; the right side is its mirror image.</source>
        <translation>Die Bilder zeigen die linke Seite; die rechte ist ihr Spiegelbild.</translation>
    </message>
    <message>
        <source>Home exercises: {0}</source>
        <translation>Übungen für zu Hause: {0}</translation>
    </message>
    <message>
        <source>{count} exercises · about {minutes} min · printed {day}</source>
        <translation>{count} Übungen · etwa {minutes} Min. · gedruckt am {day}</translation>
    </message>
    <message>
        <source>Home exercise sheet</source>
        <translation>Übungsblatt für zu Hause</translation>
    </message>
    <message>
        <source>Pain:</source>
        <translation>Schmerz:</translation>
    </message>
    <message>
        <source>Sessions done:</source>
        <translation>Erledigte Einheiten:</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>General guidance, not medical advice: for pain, the rule on the first page; follow what your physiotherapist prescribed. Made with Gluteapp.</source>
        <translation>Allgemeine Hinweise, keine ärztliche Beratung: Für Schmerzen gilt die Regel auf der ersten Seite; halte dich an das, was deine Physiotherapeutin oder dein Physiotherapeut verordnet hat. Erstellt mit Gluteapp.</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>Seite {0} von {1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import programme</source>
        <translation>Programm importieren</translation>
    </message>
    <message numerus="yes">
        <source>“{0}” holds the routine “{1}” and %n own exercises.</source>
        <translation>
            <numerusform>„{0}“ enthält das Programm „{1}“ und %n eigene Übung.</numerusform>
            <numerusform>„{0}“ enthält das Programm „{1}“ und %n eigene Übungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” holds the routine “{1}”.</source>
        <translation>„{0}“ enthält das Programm „{1}“.</translation>
    </message>
    <message>
        <source>What the programme holds</source>
        <translation>Was die Datei enthält</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In your data</source>
        <translation>Bei dir</translation>
    </message>
    <message numerus="yes">
        <source>%n of them are already in your data with other content. Replace yours with the programme&apos;s, or keep both: the imported ones then get new names.</source>
        <translation>
            <numerusform>%n davon hast du schon, mit anderem Inhalt. Ersetze deines durch das aus der Datei, oder behalte beide: Was importiert wird, bekommt dann einen neuen Namen.</numerusform>
            <numerusform>%n davon hast du schon, mit anderem Inhalt. Ersetze deine durch die aus der Datei, oder behalte beide: Was importiert wird, bekommt dann neue Namen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Keep both (renamed)</source>
        <translation>Beide behalten (umbenannt)</translation>
    </message>
    <message>
        <source>Nothing in your data is changed; this only adds.</source>
        <translation>An deinen Daten ändert sich nichts; es kommt nur etwas hinzu.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Everything in it is already here: nothing to import.</source>
        <translation>Du hast schon alles, was darin ist: Es gibt nichts zu importieren.</translation>
    </message>
</context>
<context>
    <name>ItemList</name>
    <message>
        <source>Step {number}: {text}</source>
        <extracomment>Below this width the body diagram moves under the cautions instead of beside the text. Pixels between a painted marker (a step number, a bullet) and its text.</extracomment>
        <translation>Schritt {number}: {text}</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Library sections</source>
        <translation>Bereiche der Bibliothek</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Learn</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Educational page</source>
        <translation>Wissensseite</translation>
    </message>
    <message>
        <source>Exercise list and details</source>
        <translation>Übungsliste und Details</translation>
    </message>
    <message>
        <source>Search exercises, muscles, equipment…</source>
        <translation>Übungen, Muskeln, Hilfsmittel suchen…</translation>
    </message>
    <message>
        <source>Search exercises</source>
        <translation>Übungen suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Search names, muscles, equipment and the steps (Ctrl+F); Down goes to the list</source>
        <translation>Sucht in Namen, Muskeln, Hilfsmitteln und Ausführungsschritten (Strg+F); Pfeil nach unten springt zur Liste</translation>
    </message>
    <message>
        <source>Muscle filter</source>
        <translation>Muskelfilter</translation>
    </message>
    <message>
        <source>Any muscle</source>
        <translation>Alle Muskeln</translation>
    </message>
    <message>
        <source>Equipment filter</source>
        <translation>Hilfsmittelfilter</translation>
    </message>
    <message>
        <source>Any equipment</source>
        <translation>Alle Hilfsmittel</translation>
    </message>
    <message>
        <source>No equipment</source>
        <translation>Ohne Hilfsmittel</translation>
    </message>
    <message>
        <source>Position filter</source>
        <translation>Positionsfilter</translation>
    </message>
    <message>
        <source>Any position</source>
        <translation>Alle Positionen</translation>
    </message>
    <message>
        <source>No floor work (standing or seated)</source>
        <translation>Nicht am Boden (im Stehen oder Sitzen)</translation>
    </message>
    <message>
        <source>Mode filter</source>
        <translation>Filter nach Art</translation>
    </message>
    <message>
        <source>Any mode</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>&amp;Muscle</source>
        <translation>&amp;Muskel</translation>
    </message>
    <message>
        <source>&amp;Equipment</source>
        <translation>&amp;Hilfsmittel</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>&amp;Position</translation>
    </message>
    <message>
        <source>M&amp;ode</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <source>Only what I can do with my equipment</source>
        <translation>Nur, was mit meiner Ausrüstung geht</translation>
    </message>
    <message>
        <source>Hide exercises that need equipment you did not list in Settings</source>
        <translation>Übungen ausblenden, die Ausrüstung brauchen, die du in den Einstellungen nicht angegeben hast</translation>
    </message>
    <message>
        <source>Only my own exercises</source>
        <translation>Nur meine eigenen Übungen</translation>
    </message>
    <message>
        <source>&amp;New exercise…</source>
        <translation>&amp;Neue Übung…</translation>
    </message>
    <message>
        <source>Make a new exercise of your own</source>
        <translation>Eine eigene Übung anlegen</translation>
    </message>
    <message>
        <source>Add an exercise your physiotherapist gave you, with a picture</source>
        <translation>Füge eine Übung aus deiner Physiotherapie hinzu, mit Bild</translation>
    </message>
    <message>
        <source>Number of exercises shown</source>
        <translation>Anzahl der angezeigten Übungen</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Clear filters and search</source>
        <translation>Filter und Suche zurücksetzen</translation>
    </message>
    <message>
        <source>{0} choices</source>
        <translation>{0} Optionen</translation>
    </message>
    <message>
        <source>Educational pages</source>
        <translation>Wissensseiten</translation>
    </message>
    <message>
        <source>Short reads on glute amnesia: what it is, why it happens and what helps.</source>
        <translation>Kurze Texte zur Gesäßmuskel-Amnesie: was sie ist, wie sie entsteht und was hilft.</translation>
    </message>
    <message>
        <source>The educational pages are not installed.</source>
        <translation>Die Wissensseiten sind nicht installiert.</translation>
    </message>
    <message>
        <source>{shown} of {total} exercises</source>
        <translation>{shown} von {total} Übungen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <extracomment>The window&apos;s size where the screen has room for it, its title bar and borders. Room left for a window manager&apos;s frame: a title bar of up to some 40 px and thin borders. A plain start paints the window first and builds the library view a turn later. Set by `restart`: `run` starts the program again once this copy has quit.</extracomment>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Gluteapp</source>
        <translation>Gluteapp</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>{0} (Ctrl+{1})</source>
        <translation>{0} (Strg+{1})</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
</context>
<context>
    <name>MovementPanel</name>
    <message>
        <source>Version shown</source>
        <translation>Gezeigte Variante</translation>
    </message>
    <message>
        <source>Versions to show</source>
        <translation>Varianten zum Zeigen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Shown for the left side; the right side is its mirror image.</source>
        <translation>Gezeigt für die linke Seite; die rechte ist ihr Spiegelbild.</translation>
    </message>
    <message>
        <source>Photo of the exercise</source>
        <translation>Foto der Übung</translation>
    </message>
    <message>
        <source>Start position</source>
        <translation>Ausgangsposition</translation>
    </message>
    <message>
        <source>End position</source>
        <translation>Endposition</translation>
    </message>
    <message>
        <source>{0} (as described)</source>
        <translation>{0} (wie beschrieben)</translation>
    </message>
    <message>
        <source>Easier: {0}</source>
        <translation>Leichter: {0}</translation>
    </message>
    <message>
        <source>Harder: {0}</source>
        <translation>Schwerer: {0}</translation>
    </message>
    <message>
        <source>{0} This version: {1}</source>
        <translation>{0} Diese Variante: {1}</translation>
    </message>
    <message>
        <source>Start position: {0}</source>
        <translation>Ausgangsposition: {0}</translation>
    </message>
    <message>
        <source>End position: {0}</source>
        <translation>Endposition: {0}</translation>
    </message>
</context>
<context>
    <name>OwnExerciseActions</name>
    <message>
        <source>Delete exercise</source>
        <translation>Übung löschen</translation>
    </message>
    <message>
        <source>“{0}” is a step of your routine {1}. Take it out of the routine first, then delete it.</source>
        <translation>„{0}“ ist ein Schritt deines Programms {1}. Nimm sie zuerst aus dem Programm, dann lösche sie.</translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>Delete “{0}”? Your past sessions keep it, under its name, in the history and its charts.</source>
        <translation>„{0}“ löschen? Deine früheren Einheiten behalten sie unter ihrem Namen im Verlauf und in seinen Diagrammen.</translation>
    </message>
    <message>
        <source>Delete “{0}”? It has no sets in the history.</source>
        <translation>„{0}“ löschen? Sie hat keine Sätze im Verlauf.</translation>
    </message>
    <message>
        <source>“{0}” could not be deleted: {1}</source>
        <translation>„{0}“ konnte nicht gelöscht werden: {1}</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Sessions this week</source>
        <translation>Einheiten diese Woche</translation>
    </message>
    <message>
        <source>Next session</source>
        <translation>Nächste Einheit</translation>
    </message>
    <message>
        <source>Start it</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>What your sessions show</source>
        <translation>Was deine Einheiten zeigen</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Zwischenbilanz</translation>
    </message>
    <message>
        <source>{0} of {1} done: this week&apos;s goal is met. Well done.</source>
        <translation>{0} von {1} erledigt: Das Wochenziel ist erreicht. Gut gemacht.</translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} done; {2} to go, with %n days left this week.</source>
        <translation>
            <numerusform>{0} von {1} erledigt; noch {2}, und die Woche hat noch %n Tag.</numerusform>
            <numerusform>{0} von {1} erledigt; noch {2}, und die Woche hat noch %n Tage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} done, with %n days left this week. One session a day is plenty; the count starts again on Monday.</source>
        <translation>
            <numerusform>{0} von {1} erledigt, und die Woche hat noch %n Tag. Eine Einheit am Tag reicht; am Montag beginnt die Zählung neu.</numerusform>
            <numerusform>{0} von {1} erledigt, und die Woche hat noch %n Tage. Eine Einheit am Tag reicht; am Montag beginnt die Zählung neu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two gluteus medius routines take turns, so each gets a few days&apos; rest before it comes round again.</source>
        <translation>Die beiden Programme für den mittleren Gesäßmuskel wechseln sich ab, so hat jedes ein paar Tage Ruhe, bevor es wieder dran ist.</translation>
    </message>
    <message>
        <source>The gluteus medius routine due next needs equipment you did not list, so this one fits what you have at hand. You can change your equipment in Settings.</source>
        <translation>Das fällige Programm für den mittleren Gesäßmuskel braucht Ausrüstung, die du nicht angegeben hast; dieses passt zu dem, was du zur Hand hast. Deine Ausrüstung kannst du in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Your {0} side has stayed about {1:.0f} % behind your {2} side over the last three sessions. One-sided exercises start on the {0} side, and the plan before each session offers it an extra set.</source>
        <translation>In den letzten drei Einheiten lag deine Seite {0} etwa {1:.0f} % hinter der Seite {2}. Einseitige Übungen beginnen {0}, und der Plan vor jeder Einheit bietet dieser Seite einen zusätzlichen Satz an.</translation>
    </message>
    <message>
        <source>{0} is mostly felt in the {1} ({2:.0f} % of recent rated sets). Its cautions and an easier choice are shown before the next session.</source>
        <translation>{0} wird meist hier gespürt: {1} ({2:.0f} % der zuletzt bewerteten Sätze). Vor der nächsten Einheit werden die Warnhinweise und eine leichtere Wahl gezeigt.</translation>
    </message>
    <message>
        <source>After four weeks, this compares your first fortnight with your latest one.</source>
        <translation>Nach vier Wochen vergleicht dies deine ersten zwei Wochen mit den letzten zwei.</translation>
    </message>
    <message>
        <source>Week {0}: time for your check-in. Here is how your first fortnight compares with the latest.</source>
        <translation>Woche {0}: Zeit für eine Zwischenbilanz. So stehen deine ersten zwei Wochen im Vergleich zu den letzten.</translation>
    </message>
    <message>
        <source>Week {0}: your first fortnight against the latest.</source>
        <translation>Woche {0}: deine ersten zwei Wochen im Vergleich zu den letzten.</translation>
    </message>
    <message>
        <source>First fortnight</source>
        <translation>Erste zwei Wochen</translation>
    </message>
    <message>
        <source>Latest fortnight</source>
        <translation>Letzte zwei Wochen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Average pain (0-10)</source>
        <translation>Mittlerer Schmerz (0-10)</translation>
    </message>
    <message>
        <source>Felt in the glutes</source>
        <translation>Im Gesäß gespürt</translation>
    </message>
    <message>
        <source>{0}, best set</source>
        <translation>{0}, bester Satz</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wdh.</translation>
    </message>
</context>
<context>
    <name>PlayerFigure</name>
    <message>
        <source>Exercise figure</source>
        <extracomment>20 frames a second: smooth enough for a body moving over one to three seconds. No frame is drawn in the last CLEAR_S before the runner&apos;s next wake-up (it moves the countdown and sounds the cues); one due then is drawn AFTER_S after it instead. A frame whose timer fires this late finds the event loop behind (a stall, a busy machine): it gives way to whatever is waiting, at most twice in a row. The page of `pages` that shows a photo instead of a figure. A figure (or photo) at least this much wider than high is lying: of the 23 exercises&apos; figures, the ten on the floor (1.48 to 2.45); the widest standing one, a seated abduction, is 1.05. The smallest the figure is drawn beside the countdown, and under it (see PlayerView). The figure shown now is lying (see LYING_ASPECT), or no longer is.</extracomment>
        <translation>Figur der Übung</translation>
    </message>
    <message>
        <source>Start position</source>
        <translation>Ausgangsposition</translation>
    </message>
    <message>
        <source>End position</source>
        <translation>Endposition</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Photo of the exercise</source>
        <translation>Foto der Übung</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Session progress</source>
        <translation>Fortschritt der Einheit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Done with this set (Enter)</source>
        <translation>Satz fertig (Eingabetaste)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Back (Left arrow)</source>
        <translation>Zurück (Pfeil nach links)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Start or pause (Space)</source>
        <translation>Starten oder pausieren (Leertaste)</translation>
    </message>
    <message>
        <source>Skip ▶</source>
        <translation>Überspringen ▶</translation>
    </message>
    <message>
        <source>Skip (Right arrow)</source>
        <translation>Überspringen (Pfeil nach rechts)</translation>
    </message>
    <message>
        <source>−15 s</source>
        <translation>−15 s</translation>
    </message>
    <message>
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <source>Add 15 seconds of rest (+)</source>
        <translation>Erholung um 15 Sekunden verlängern (+)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>End the session (Esc)</source>
        <translation>Einheit beenden (Esc)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>Vollbild (F)</translation>
    </message>
    <message>
        <source>Mute or unmute (M)</source>
        <translation>Ton aus oder an (M)</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Volume (Up and Down arrows when it has the focus)</source>
        <translation>Lautstärke (Pfeil hoch und runter, wenn sie den Fokus hat)</translation>
    </message>
    <message>
        <source>{0}, set {1}</source>
        <translation>{0}, Satz {1}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Exercise {0} of {1}</source>
        <translation>Übung {0} von {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>Press Start</source>
        <translation>Start drücken</translation>
    </message>
    <message>
        <source>{0} side first</source>
        <translation>Zuerst: {0}</translation>
    </message>
    <message>
        <source>{0} to do</source>
        <translation>{0} noch zu tun</translation>
    </message>
    <message>
        <source>{0} minutes left</source>
        <translation>noch {0} Minuten</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Muted (M)</source>
        <translation>Stumm (M)</translation>
    </message>
    <message>
        <source>Sound on (M)</source>
        <translation>Ton an (M)</translation>
    </message>
    <message>
        <source>Stop and rest. {0}</source>
        <translation>Anhalten und ausruhen. {0}</translation>
    </message>
    <message>
        <source>Noted for {0}, set {1}, {2} side.</source>
        <translation>Notiert für {0}, Satz {1}, Seite {2}.</translation>
    </message>
    <message>
        <source>Noted for {0}, set {1}.</source>
        <translation>Notiert für {0}, Satz {1}.</translation>
    </message>
    <message>
        <source>Noted, not during an exercise.</source>
        <translation>Notiert, nicht während einer Übung.</translation>
    </message>
    <message>
        <source>{0} - Gluteapp</source>
        <translation>{0} - Gluteapp</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereitmachen</translation>
    </message>
    <message>
        <source>Rep {0} of {1}</source>
        <translation>Wiederholung {0} von {1}</translation>
    </message>
    <message>
        <source>steps each way</source>
        <translation>Schritte pro Richtung</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>How to do it</source>
        <extracomment>An interrupted session picked up again: the sets saved before, which the summary counts with this run&apos;s (the controller sets them). Resumed after an interruption: only the part since then was timed.</extracomment>
        <translation>So geht es</translation>
    </message>
    <message>
        <source>Open this exercise in the library</source>
        <translation>Diese Übung in der Bibliothek öffnen</translation>
    </message>
    <message>
        <source>Shorten rest by 15 seconds (−)</source>
        <translation>Erholung um 15 Sekunden kürzen (−)</translation>
    </message>
    <message>
        <source>It hurts (H)</source>
        <translation>Es tut weh (H)</translation>
    </message>
    <message>
        <source>It hurts: stop and rest (H)</source>
        <translation>Es tut weh: anhalten und ausruhen (H)</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pause</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>noch %n Sekunde</numerusform>
            <numerusform>noch %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Set {0} of {1}</source>
        <translation>Satz {0} von {1}</translation>
    </message>
    <message>
        <source>last set</source>
        <translation>letzter Satz</translation>
    </message>
    <message>
        <source>{0} side</source>
        <translation>Seite: {0}</translation>
    </message>
    <message>
        <source>hold {0} s</source>
        <translation>{0} s halten</translation>
    </message>
    <message>
        <source>tempo {0}</source>
        <translation>Tempo {0}</translation>
    </message>
    <message>
        <source>Today&apos;s version: {0}</source>
        <translation>Heutige Variante: {0}</translation>
    </message>
    <message>
        <source>Tip: {0}</source>
        <translation>Tipp: {0}</translation>
    </message>
    <message>
        <source>Next: set {0} of {1}</source>
        <translation>Als Nächstes: Satz {0} von {1}</translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Danach: {0}</translation>
    </message>
    <message>
        <source>Coming up: {0}, {1}</source>
        <translation>Danach: {0}, {1}</translation>
    </message>
    <message>
        <source>Last exercise</source>
        <translation>Letzte Übung</translation>
    </message>
    <message>
        <source>{0} s hold</source>
        <translation>{0} s halten</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} Schritte</translation>
    </message>
    <message>
        <source>{0} reps</source>
        <translation>{0} Wiederholungen</translation>
    </message>
    <message>
        <source>{0} x {1}</source>
        <translation>{0} × {1}</translation>
    </message>
    <message>
        <source>, plus one set for the {0} side</source>
        <translation>, dazu ein Satz extra: {0}</translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation>Einheit beenden?</translation>
    </message>
    <message>
        <source>End the session now? The sets you finished are saved.</source>
        <translation>Die Einheit jetzt beenden? Deine abgeschlossenen Sätze sind gespeichert.</translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message>
        <source>Save them elsewhere…</source>
        <translation>Woanders speichern …</translation>
    </message>
    <message>
        <source>Save a copy of the sets waiting to be saved to a file you choose</source>
        <translation>Eine Kopie der noch nicht gespeicherten Sätze in eine Datei deiner Wahl schreiben</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message numerus="yes">
        <source>%n finished sets are waiting to be saved.</source>
        <extracomment>Distinct messages kept on show; older ones give way (the log keeps every one).</extracomment>
        <translation>
            <numerusform>%n fertiger Satz wartet darauf, gespeichert zu werden.</numerusform>
            <numerusform>%n fertige Sätze warten darauf, gespeichert zu werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Gluteapp keeps trying and saves them as soon as the disk has room again.</source>
        <translation>Gluteapp versucht es weiter und speichert sie, sobald auf dem Datenträger wieder Platz ist.</translation>
    </message>
    <message>
        <source>Until then they are also kept in {0}.</source>
        <translation>Bis dahin liegen sie auch in {0}.</translation>
    </message>
    <message>
        <source>Save the waiting sets</source>
        <translation>Wartende Sätze speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>A copy of the waiting sets could not be written to {0} ({1}).</source>
        <translation>Eine Kopie der wartenden Sätze ließ sich nicht nach {0} schreiben ({1}).</translation>
    </message>
    <message numerus="yes">
        <source>A copy of the %n waiting sets was saved to {0}. They stay waiting to be saved in your history too.</source>
        <translation>
            <numerusform>Eine Kopie des %n wartenden Satzes wurde in {0} gespeichert. Er wartet weiter darauf, auch in deinem Verlauf gespeichert zu werden.</numerusform>
            <numerusform>Eine Kopie der %n wartenden Sätze wurde in {0} gespeichert. Sie warten weiter darauf, auch in deinem Verlauf gespeichert zu werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n sets that were waiting are saved in your history now.</source>
        <translation>
            <numerusform>Der %n Satz, der gewartet hat, ist jetzt in deinem Verlauf gespeichert.</numerusform>
            <numerusform>Die %n Sätze, die gewartet haben, sind jetzt in deinem Verlauf gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n problems so far.)</source>
        <translation>
            <numerusform>(Bisher %n Problem.)</numerusform>
            <numerusform>(Bisher %n Probleme.)</numerusform>
        </translation>
    </message>
    <message>
        <source>They could not be written beside your history either, so they are lost if you quit now. Save them elsewhere first.</source>
        <translation>Sie konnten auch neben deinem Verlauf nicht geschrieben werden; wenn du jetzt beendest, gehen sie verloren. Speichere sie vorher woanders.</translation>
    </message>
    <message>
        <source>If you quit now, they stay in {0} and are saved when Gluteapp starts again.</source>
        <translation>Wenn du jetzt beendest, bleiben sie in {0} und werden beim nächsten Start von Gluteapp gespeichert.</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
    <message>
        <source>The copy could not be written to {0} ({1}).</source>
        <translation>Die Kopie konnte nicht in {0} geschrieben werden ({1}).</translation>
    </message>
    <message>
        <source>The set that was waiting is saved in your history now.</source>
        <translation>Der wartende Satz ist jetzt in deinem Verlauf gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
</context>
<context>
    <name>ProgrammeActions</name>
    <message>
        <source>Gluteapp programmes (*{0})</source>
        <translation>Gluteapp-Programme (*{0})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export the programme</source>
        <translation>Das Programm exportieren</translation>
    </message>
    <message>
        <source>Export programme</source>
        <translation>Programm exportieren</translation>
    </message>
    <message>
        <source>The programme could not be saved.</source>
        <translation>Das Programm konnte nicht gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>“{0}” is saved as {1}, with %n own exercises.</source>
        <translation>
            <numerusform>„{0}“ ist als {1} gespeichert, mit %n eigenen Übung.</numerusform>
            <numerusform>„{0}“ ist als {1} gespeichert, mit %n eigenen Übungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” is saved as {1}.</source>
        <translation>„{0}“ ist als {1} gespeichert.</translation>
    </message>
    <message>
        <source>Send the file to whoever should do it: Import programme… adds it to their Gluteapp.</source>
        <translation>Schick die Datei an die Person, die es machen soll: Mit „Programm importieren…“ kommt es in ihre Gluteapp.</translation>
    </message>
    <message>
        <source>Import a programme</source>
        <translation>Ein Programm importieren</translation>
    </message>
    <message>
        <source>Import programme</source>
        <translation>Programm importieren</translation>
    </message>
    <message>
        <source>This file cannot be imported; nothing was changed.</source>
        <translation>Diese Datei lässt sich nicht importieren; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The programme could not be imported; nothing was changed.</source>
        <translation>Das Programm konnte nicht importiert werden; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“{0}” is in your routines, beside yours of the same name.</source>
        <translation>„{0}“ ist jetzt bei deinen Programmen, neben deinem gleichnamigen.</translation>
    </message>
    <message>
        <source>“{0}” is in your routines.</source>
        <translation>„{0}“ ist jetzt bei deinen Programmen.</translation>
    </message>
    <message>
        <source>Where one of your exercises differed, the imported one is in the library beside it, under a new name.</source>
        <translation>Wo eine deiner Übungen anders war, steht die importierte unter neuem Namen daneben in der Bibliothek.</translation>
    </message>
</context>
<context>
    <name>QuestionsPage</name>
    <message>
        <source>Three quick questions</source>
        <translation>Drei kurze Fragen</translation>
    </message>
    <message>
        <source>Your answers shape the suggested routine and which exercises the library offers. You can change them at any time in Settings.</source>
        <translation>Deine Antworten bestimmen das vorgeschlagene Programm und welche Übungen die Bibliothek anbietet. Du kannst sie jederzeit in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>Is one side weaker than the other?</source>
        <translation>Ist eine Seite schwächer als die andere?</translation>
    </message>
    <message>
        <source>No, or I am not sure</source>
        <translation>Nein, oder ich weiß es nicht</translation>
    </message>
    <message>
        <source>My left side</source>
        <translation>Meine linke Seite</translation>
    </message>
    <message>
        <source>My right side</source>
        <translation>Meine rechte Seite</translation>
    </message>
    <message>
        <source>Exercises done one side at a time will start with the weaker side, and the history compares left with right.</source>
        <translation>Einseitige Übungen beginnen mit der schwächeren Seite, und der Verlauf vergleicht links mit rechts.</translation>
    </message>
    <message>
        <source>How many sessions a week do you aim for?</source>
        <translation>Wie viele Einheiten pro Woche nimmst du dir vor?</translation>
    </message>
    <message>
        <source>Sessions per week</source>
        <translation>Einheiten pro Woche</translation>
    </message>
    <message>
        <source>Twice a week is what the gluteus medius article recommends. The two-minute standing break from sitting can come on any day and does not count towards it.</source>
        <translation>Zweimal pro Woche empfiehlt der Artikel zum mittleren Gesäßmuskel. Die zweiminütige Stehpause vom Sitzen kannst du an jedem Tag machen; sie zählt nicht mit.</translation>
    </message>
    <message>
        <source>What do you have at home?</source>
        <translation>Was hast du zu Hause?</translation>
    </message>
    <message>
        <source>A mat or a towel on the floor is assumed. Exercises that need anything you do not have are set aside for now.</source>
        <translation>Eine Matte oder ein Handtuch auf dem Boden setzen wir voraus. Übungen, die etwas brauchen, das du nicht hast, werden vorerst zurückgestellt.</translation>
    </message>
</context>
<context>
    <name>QuitWithWaitingSets</name>
    <message numerus="yes">
        <source>%n finished sets are not saved in your history yet: the disk is full or the history cannot be written.</source>
        <translation>
            <numerusform>%n fertiger Satz ist noch nicht in deinem Verlauf gespeichert: Der Datenträger ist voll, oder der Verlauf kann nicht geschrieben werden.</numerusform>
            <numerusform>%n fertige Sätze sind noch nicht in deinem Verlauf gespeichert: Der Datenträger ist voll, oder der Verlauf kann nicht geschrieben werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <source>How was that set? (optional)</source>
        <extracomment>The smallest side of anything to press (WCAG 2.5.5, Apple and Material guidelines).</extracomment>
        <translation>Wie war dieser Satz? (optional)</translation>
    </message>
    <message>
        <source>Rating status</source>
        <translation>Stand der Bewertung</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Geschafft</translation>
    </message>
    <message>
        <source>Pain {0} of 10</source>
        <translation>Schmerz {0} von 10</translation>
    </message>
    <message>
        <source>Felt it in: {0}</source>
        <translation>Gespürt in: {0}</translation>
    </message>
    <message>
        <source>One less</source>
        <translation>Eins weniger</translation>
    </message>
    <message>
        <source>One more</source>
        <translation>Eins mehr</translation>
    </message>
    <message>
        <source>Rate it</source>
        <translation>Bewerten</translation>
    </message>
    <message>
        <source>Open the rating of this set</source>
        <translation>Bewertung dieses Satzes öffnen</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Felt it in</source>
        <translation>Gespürt in</translation>
    </message>
    <message>
        <source>Fold away</source>
        <translation>Einklappen</translation>
    </message>
    <message>
        <source>Fold the rating away</source>
        <translation>Bewertung einklappen</translation>
    </message>
    <message>
        <source>{0}: how was it?</source>
        <translation>{0}: Wie war es?</translation>
    </message>
    <message>
        <source>Seconds held</source>
        <translation>Gehaltene Sekunden</translation>
    </message>
    <message>
        <source>Reps done</source>
        <translation>Geschaffte Wiederholungen</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>✓ Saved</source>
        <translation>✓ Gespeichert</translation>
    </message>
    <message>
        <source>Not saved yet: see the message at the top</source>
        <translation>Noch nicht gespeichert: siehe die Meldung oben</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Noch nicht bewertet</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Break reminder</source>
        <translation>Pausenerinnerung</translation>
    </message>
    <message>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message>
        <source>Start two-minute standing break</source>
        <translation>Zwei Minuten Bewegungspause starten</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>In 10 Min. erinnern</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>Diesmal auslassen</translation>
    </message>
    <message>
        <source>Not today</source>
        <translation>Heute nicht mehr</translation>
    </message>
    <message numerus="yes">
        <source>You have been sitting for %n minutes. Stand up and move for two minutes: long sitting lets the glutes go quiet.</source>
        <translation>
            <numerusform>Du sitzt seit %n Minute. Steh auf und beweg dich zwei Minuten lang: Langes Sitzen legt die Gesäßmuskeln lahm.</numerusform>
            <numerusform>Du sitzt seit %n Minuten. Steh auf und beweg dich zwei Minuten lang: Langes Sitzen legt die Gesäßmuskeln lahm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Start two-minute standing break</source>
        <extracomment>The timer only asks the schedule to look again; it never counts. Looking at least once a minute notices midnight (for &quot;not today&quot;) and a changed wall clock soon enough. The built-in routine the lead starts for a break. &quot;Not today&quot; was chosen on this local date; reminders come back the day after. The reminder was answered, or is no longer due (a session started, reminders off). Start the two-minute standing routine BREAK_ROUTINE_ID.</extracomment>
        <translation>Zwei Minuten Bewegungspause starten</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>In 10 Min. erinnern</translation>
    </message>
    <message>
        <source>Skip this one</source>
        <translation>Diesmal auslassen</translation>
    </message>
    <message>
        <source>Not today</source>
        <translation>Heute nicht mehr</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Erinnerungen fortsetzen</translation>
    </message>
    <message>
        <source>Open Gluteapp</source>
        <translation>Gluteapp öffnen</translation>
    </message>
    <message>
        <source>Gluteapp: break reminders are off</source>
        <translation>Gluteapp: Pausenerinnerungen sind aus</translation>
    </message>
    <message>
        <source>Gluteapp: session running</source>
        <translation>Gluteapp: Einheit läuft</translation>
    </message>
    <message>
        <source>Gluteapp: no more reminders today</source>
        <translation>Gluteapp: heute keine Erinnerungen mehr</translation>
    </message>
    <message>
        <source>Gluteapp: time to stand up</source>
        <translation>Gluteapp: Zeit aufzustehen</translation>
    </message>
    <message numerus="yes">
        <source>Gluteapp: next break in %n min</source>
        <translation>
            <numerusform>Gluteapp: nächste Pause in %n Min.</numerusform>
            <numerusform>Gluteapp: nächste Pause in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time to stand up</source>
        <translation>Zeit aufzustehen</translation>
    </message>
    <message numerus="yes">
        <source>You have been sitting for %n minutes. A two-minute standing break?</source>
        <translation>
            <numerusform>Du sitzt seit %n Minute. Zeit für zwei Minuten Bewegung?</numerusform>
            <numerusform>Du sitzt seit %n Minuten. Zeit für zwei Minuten Bewegung?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResumeBanner</name>
    <message>
        <source>Resume where it stopped</source>
        <translation>An der Stelle fortsetzen</translation>
    </message>
    <message>
        <source>Resume the interrupted session</source>
        <translation>Die unterbrochene Einheit fortsetzen</translation>
    </message>
    <message>
        <source>Close it</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Close the interrupted session</source>
        <translation>Die unterbrochene Einheit abschließen</translation>
    </message>
    <message numerus="yes">
        <source>Your session “{0}” from {1} was interrupted after %n saved sets. Nothing you finished was lost.</source>
        <translation>
            <numerusform>Deine Einheit „{0}“ vom {1} wurde nach %n gespeicherten Satz unterbrochen. Nichts, was du geschafft hast, ist verloren.</numerusform>
            <numerusform>Deine Einheit „{0}“ vom {1} wurde nach %n gespeicherten Sätzen unterbrochen. Nichts, was du geschafft hast, ist verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>This session&apos;s routine can no longer be found or read, so it cannot be resumed. The sets you finished are saved; you can close it.</source>
        <translation>Das Programm dieser Einheit ist nicht mehr zu finden oder zu lesen, deshalb kann sie nicht fortgesetzt werden. Die Sätze, die du geschafft hast, sind gespeichert; du kannst sie schließen.</translation>
    </message>
</context>
<context>
    <name>RoutineBuilder</name>
    <message>
        <source>About {0} s</source>
        <translation>Etwa {0} s</translation>
    </message>
    <message>
        <source>About {0} min</source>
        <translation>Etwa {0} Min.</translation>
    </message>
    <message>
        <source>New routine</source>
        <translation>Neues Programm</translation>
    </message>
    <message>
        <source>Edit routine: {0}</source>
        <translation>Programm bearbeiten: {0}</translation>
    </message>
    <message>
        <source>For example: Morning glutes</source>
        <translation>Zum Beispiel: Gesäß am Morgen</translation>
    </message>
    <message>
        <source>Routine name</source>
        <translation>Name des Programms</translation>
    </message>
    <message>
        <source>What it is for, in a sentence (optional)</source>
        <translation>Wofür es gedacht ist, in einem Satz (optional)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Get-ready time in seconds</source>
        <translation>Zeit zum Bereitmachen in Sekunden</translation>
    </message>
    <message>
        <source>The countdown before the first exercise</source>
        <translation>Der Countdown vor der ersten Übung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Get ready</source>
        <translation>Be&amp;reitmachen</translation>
    </message>
    <message>
        <source>Search by name or muscle</source>
        <translation>Nach Name oder Muskel suchen</translation>
    </message>
    <message>
        <source>Search exercises</source>
        <translation>Übungen suchen</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>Exercise library</source>
        <translation>Übungsbibliothek</translation>
    </message>
    <message>
        <source>&amp;Add to routine</source>
        <translation>Zum Programm &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected exercise to the routine</source>
        <translation>Die gewählte Übung zum Programm hinzufügen</translation>
    </message>
    <message>
        <source>New exerc&amp;ise…</source>
        <translation>Neue Übun&amp;g…</translation>
    </message>
    <message>
        <source>Make a new exercise of your own and add it</source>
        <translation>Eine eigene Übung anlegen und hinzufügen</translation>
    </message>
    <message>
        <source>E&amp;xercises</source>
        <translation>Ü&amp;bungen</translation>
    </message>
    <message>
        <source>Steps of the routine</source>
        <translation>Schritte des Programms</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Per side</source>
        <translation>Pro Seite</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Rest after</source>
        <translation>Erholung danach</translation>
    </message>
    <message>
        <source>Seconds to hold, or reps or steps per set</source>
        <translation>Haltezeit in Sekunden, oder Wiederholungen bzw. Schritte pro Satz</translation>
    </message>
    <message>
        <source>Seconds down-pause-up for each rep, such as 2-0-2; empty: at your own pace</source>
        <translation>Sekunden ab-halten-auf pro Wiederholung, etwa 2-0-2; leer: im eigenen Tempo</translation>
    </message>
    <message>
        <source>Do each set with the left, then the right side</source>
        <translation>Jeden Satz erst links, dann rechts ausführen</translation>
    </message>
    <message>
        <source>Rest between sets</source>
        <translation>Erholung zwischen den Sätzen</translation>
    </message>
    <message>
        <source>Rest before the next exercise</source>
        <translation>Erholung vor der nächsten Übung</translation>
    </message>
    <message>
        <source>Step columns</source>
        <translation>Spalten der Schritte</translation>
    </message>
    <message>
        <source>Step numbers</source>
        <translation>Nummern der Schritte</translation>
    </message>
    <message>
        <source>Select all steps</source>
        <translation>Alle Schritte auswählen</translation>
    </message>
    <message>
        <source>No exercises yet: pick one on the left and press Add.</source>
        <translation>Noch keine Übungen: Wähle links eine aus und drücke auf Hinzufügen.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected step up</source>
        <translation>Den gewählten Schritt nach oben verschieben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the selected step down</source>
        <translation>Den gewählten Schritt nach unten verschieben</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Den gewählten Schritt entfernen</translation>
    </message>
    <message>
        <source>&amp;Steps, in order</source>
        <translation>&amp;Schritte, der Reihe nach</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Total duration</source>
        <translation>Gesamtdauer</translation>
    </message>
    <message>
        <source>Save the routine</source>
        <translation>Das Programm speichern</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen, ohne zu speichern</translation>
    </message>
    <message>
        <source>{0} (yours)</source>
        <translation>{0} (deine)</translation>
    </message>
    <message>
        <source>Give the routine a name.</source>
        <translation>Gib dem Programm einen Namen.</translation>
    </message>
    <message>
        <source>Add at least one exercise.</source>
        <translation>Füge mindestens eine Übung hinzu.</translation>
    </message>
    <message>
        <source>Step {0}, {1}: {2}</source>
        <translation>Schritt {0}, {1}: {2}</translation>
    </message>
    <message>
        <source>Step {0}, {1}: {2} reps at {3} take {4} s; one set may last at most {5} s. Use fewer reps or a quicker tempo.</source>
        <translation>Schritt {0}, {1}: {2} Wiederholungen im Tempo {3} dauern {4} s; ein Satz darf höchstens {5} s dauern. Nimm weniger Wiederholungen oder ein schnelleres Tempo.</translation>
    </message>
    <message>
        <source>The routine could not be written to {0}: {1}</source>
        <translation>Das Programm konnte nicht nach {0} geschrieben werden: {1}</translation>
    </message>
    <message>
        <source>Sets of {0}</source>
        <translation>Sätze von {0}</translation>
    </message>
    <message>
        <source>Hold seconds of {0}</source>
        <translation>Haltezeit in Sekunden von {0}</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> Schritte</translation>
    </message>
    <message>
        <source>Steps of {0}</source>
        <translation>Schritte von {0}</translation>
    </message>
    <message>
        <source> reps</source>
        <translation> Wdh.</translation>
    </message>
    <message>
        <source>Reps of {0}</source>
        <translation>Wiederholungen von {0}</translation>
    </message>
    <message>
        <source>own pace</source>
        <translation>eigenes Tempo</translation>
    </message>
    <message>
        <source>Tempo of {0}</source>
        <translation>Tempo von {0}</translation>
    </message>
    <message>
        <source>Seconds down-pause-up, such as 2-0-2; empty: at your own pace</source>
        <translation>Sekunden ab-halten-auf, etwa 2-0-2; leer: im eigenen Tempo</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Only reps have a tempo</source>
        <translation>Nur Wiederholungen haben ein Tempo</translation>
    </message>
    <message>
        <source>{0} on each side</source>
        <translation>{0} auf jeder Seite</translation>
    </message>
    <message>
        <source>Rest between sets of {0}</source>
        <translation>Erholung zwischen den Sätzen von {0}</translation>
    </message>
    <message>
        <source>Rest after {0}</source>
        <translation>Erholung nach {0}</translation>
    </message>
    <message>
        <source>Nothing follows the last exercise</source>
        <translation>Nach der letzten Übung kommt nichts mehr</translation>
    </message>
    <message>
        <source>No exercise matches the search.</source>
        <translation>Keine Übung passt zur Suche.</translation>
    </message>
    <message>
        <source>Saves over {0}.toml</source>
        <translation>Überschreibt {0}.toml</translation>
    </message>
    <message>
        <source>Saves as {0}.toml</source>
        <translation>Speichert als {0}.toml</translation>
    </message>
    <message>
        <source>No exercises yet</source>
        <translation>Noch keine Übungen</translation>
    </message>
    <message>
        <source>Duration: check the tempo</source>
        <translation>Dauer: Tempo prüfen</translation>
    </message>
</context>
<context>
    <name>RoutinePicker</name>
    <message>
        <source>about {0} min</source>
        <translation>etwa {0} Min.</translation>
    </message>
    <message>
        <source>about {0} s</source>
        <translation>etwa {0} s</translation>
    </message>
    <message>
        <source>Routines</source>
        <extracomment>The routine list&apos;s widest share of the picker: more would squeeze the routine&apos;s own page. The padding of a routine&apos;s item, a side (its style sheet&apos;s).</extracomment>
        <translation>Programme</translation>
    </message>
    <message>
        <source>New routine…</source>
        <translation>Neues Programm…</translation>
    </message>
    <message>
        <source>Build a new routine</source>
        <translation>Ein neues Programm zusammenstellen</translation>
    </message>
    <message>
        <source>Import programme…</source>
        <translation>Programm importieren…</translation>
    </message>
    <message>
        <source>Add a routine and its exercises from a programme file</source>
        <translation>Ein Programm mit seinen Übungen aus einer Datei hinzufügen</translation>
    </message>
    <message>
        <source>The routine&apos;s exercises</source>
        <translation>Die Übungen des Programms</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Einheit starten</translation>
    </message>
    <message>
        <source>Start the selected routine</source>
        <translation>Das gewählte Programm starten</translation>
    </message>
    <message>
        <source>Edit a copy…</source>
        <translation>Kopie bearbeiten…</translation>
    </message>
    <message>
        <source>Edit a copy of the selected routine</source>
        <translation>Eine Kopie des gewählten Programms bearbeiten</translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>Übungsblatt drucken…</translation>
    </message>
    <message>
        <source>Save a printable sheet of the selected routine</source>
        <translation>Ein druckbares Übungsblatt des gewählten Programms speichern</translation>
    </message>
    <message>
        <source>Export programme…</source>
        <translation>Programm exportieren…</translation>
    </message>
    <message>
        <source>Save the selected routine of yours, with your own exercises, as one file to share</source>
        <translation>Dein ausgewähltes Programm mit deinen eigenen Übungen als eine Datei zum Weitergeben speichern</translation>
    </message>
    <message>
        <source> (yours)</source>
        <translation> (eigenes)</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>Needs: {0}</source>
        <translation>Braucht: {0}</translation>
    </message>
    <message>
        <source>Suggested next: {0}</source>
        <translation>Vorschlag als Nächstes: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n exercises</source>
        <translation>
            <numerusform>%n Übung</numerusform>
            <numerusform>%n Übungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message>
        <source>Built-in routines are in every Gluteapp; export a copy you made with Edit a copy…</source>
        <translation>Die mitgelieferten Programme hat jede Gluteapp; exportiere eine Kopie, die du mit „Kopie bearbeiten…“ gemacht hast</translation>
    </message>
    <message>
        <source>Needs what you do not have at hand: {0}. You can change your equipment in Settings.</source>
        <translation>Braucht etwas, das du nicht zur Hand hast: {0}. Deine Ausrüstung kannst du in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source> per side</source>
        <translation> pro Seite</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>A guided exercise session is running</source>
        <translation>Eine angeleitete Übungseinheit läuft</translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message>
        <source>Sets done per exercise</source>
        <extracomment>A set as the summary counts it: done in this run, or saved before an interruption.</extracomment>
        <translation>Sätze pro Übung</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Sätze</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Gehalten</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Back to routines</source>
        <translation>Zurück zu den Programmen</translation>
    </message>
    <message>
        <source>See your history</source>
        <translation>Verlauf ansehen</translation>
    </message>
    <message>
        <source>It hurt:</source>
        <translation>Es tat weh:</translation>
    </message>
    <message>
        <source>Stretch gently, drink some water, and rest a day before the next session.</source>
        <translation>Dehn dich sanft, trink etwas Wasser und gönn dir vor der nächsten Einheit einen Ruhetag.</translation>
    </message>
    <message>
        <source>Every finished set is saved.</source>
        <translation>Jeder fertige Satz ist gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n finished sets are not saved yet: they wait until the history can be written again (see the message at the top).</source>
        <translation>
            <numerusform>%n fertiger Satz ist noch nicht gespeichert: Er wartet, bis der Verlauf wieder geschrieben werden kann (siehe die Meldung oben).</numerusform>
            <numerusform>%n fertige Sätze sind noch nicht gespeichert: Sie warten, bis der Verlauf wieder geschrieben werden kann (siehe die Meldung oben).</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Session finished. Well done!</source>
        <translation>Einheit beendet. Gut gemacht!</translation>
    </message>
    <message>
        <source>{0} since you resumed</source>
        <translation>{0} seit dem Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n reps</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Session complete. Well done!</source>
        <translation>Einheit geschafft. Gut gemacht!</translation>
    </message>
    <message>
        <source>Session ended early</source>
        <translation>Einheit vorzeitig beendet</translation>
    </message>
    <message>
        <source>{0} of {1} sets</source>
        <translation>{0} von {1} Sätzen</translation>
    </message>
    <message>
        <source>{0} in total</source>
        <translation>{0} insgesamt</translation>
    </message>
    <message>
        <source>{0} held</source>
        <translation>{0} gehalten</translation>
    </message>
</context>
<context>
    <name>SessionTreeModel</name>
    <message>
        <source>target {0} {1}</source>
        <translation>Ziel {0} {1}</translation>
    </message>
    <message>
        <source>{0} of {1} {2}</source>
        <translation>{0} von {1} {2}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Routine or exercise</source>
        <translation>Programm oder Übung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sets or result</source>
        <translation>Sätze oder Ergebnis</translation>
    </message>
    <message>
        <source>Pain</source>
        <translation>Schmerz</translation>
    </message>
    <message>
        <source>Felt in</source>
        <translation>Gespürt in</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>, {0} min</source>
        <translation>, {0} Min.</translation>
    </message>
    <message>
        <source>avg {0}, max {1}</source>
        <translation>Ø {0}, max. {1}</translation>
    </message>
    <message>
        <source>Left before its target (skipped, or the exercise or session ended during it): kept with what was done, not counted as a set done and not compared left against right.</source>
        <translation>Vor dem Ziel beendet (übersprungen, oder die Übung oder Einheit wurde dabei beendet): mit dem Geschafften gespeichert, aber nicht als erledigter Satz gezählt und nicht links gegen rechts verglichen.</translation>
    </message>
    <message>
        <source>Cut short</source>
        <comment>a set or side left before its target</comment>
        <translation>Verkürzt</translation>
    </message>
    <message>
        <source>it hurt</source>
        <translation>es tat weh</translation>
    </message>
    <message>
        <source>glutes in {0} of {1}</source>
        <translation>Gesäß in {0} von {1}</translation>
    </message>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message>
        <source>it hurt ×{0}</source>
        <translation>es tat weh ×{0}</translation>
    </message>
    <message>
        <source>{name}, set {number}, {side}</source>
        <translation>{name}, Satz {number}, {side}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>s</source>
        <extracomment>A settings file is a few hundred bytes; far larger is not one we wrote. Translation context of every text declared here (labels, descriptions, units, choices). The translation context of `choice_labels`: this module&apos;s, or `words.CONTEXT` for the equipment, whose words the library shows too. A comma-separated set of `choices` (stored in declaration order, no repeats). Kept by the app itself; not shown in the settings dialog. Takes effect the next time the app starts. A str holding a time of day as HH:MM (edited with a time field).</extracomment>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Play beeps and chimes for countdowns and phase changes.</source>
        <translation>Signaltöne für Countdowns und Phasenwechsel abspielen.</translation>
    </message>
    <message>
        <source>Beeps and chimes</source>
        <translation>Signaltöne</translation>
    </message>
    <message>
        <source>Speak cues such as &apos;Three, two, one, go&apos;.</source>
        <translation>Ansagen wie „Drei, zwei, eins, los“ sprechen.</translation>
    </message>
    <message>
        <source>Spoken cues</source>
        <translation>Sprachansagen</translation>
    </message>
    <message>
        <source>Speak the setup steps and one coach tip before each exercise.</source>
        <translation>Vor jeder Übung die Ausgangsposition und einen Trainertipp ansagen.</translation>
    </message>
    <message>
        <source>Speak setup and tips</source>
        <translation>Aufbau und Tipps ansagen</translation>
    </message>
    <message>
        <source>Cue volume in percent.</source>
        <translation>Lautstärke der Signale in Prozent.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Silence every cue (the screen still flashes).</source>
        <translation>Alle Signale stumm schalten (der Bildschirm blinkt weiterhin).</translation>
    </message>
    <message>
        <source>Mute all cues</source>
        <translation>Alle Signale stumm</translation>
    </message>
    <message>
        <source>Tick during the last N seconds of a hold or rest.</source>
        <translation>In den letzten N Sekunden einer Haltephase oder Erholung ticken.</translation>
    </message>
    <message>
        <source>Final ticks</source>
        <translation>Ticken am Ende</translation>
    </message>
    <message>
        <source>Chime halfway through a hold.</source>
        <translation>Signalton zur Hälfte der Haltezeit.</translation>
    </message>
    <message>
        <source>Halfway chime</source>
        <translation>Signal zur Halbzeit</translation>
    </message>
    <message>
        <source>Get-ready countdown before the first exercise, in seconds.</source>
        <translation>Countdown zum Bereitmachen vor der ersten Übung, in Sekunden.</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereitmachen</translation>
    </message>
    <message>
        <source>Time to change sides in a per-side exercise, in seconds.</source>
        <translation>Zeit für den Seitenwechsel bei einseitigen Übungen, in Sekunden.</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seitenwechsel</translation>
    </message>
    <message>
        <source>Rest between sets when a routine does not say.</source>
        <translation>Erholung zwischen den Sätzen, wenn das Programm keine vorgibt.</translation>
    </message>
    <message>
        <source>Default rest</source>
        <translation>Standard-Erholung</translation>
    </message>
    <message>
        <source>The side that starts per-side exercises.</source>
        <translation>Die Seite, mit der einseitige Übungen beginnen.</translation>
    </message>
    <message>
        <source>Weaker side</source>
        <translation>Schwächere Seite</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Sessions per week you aim for.</source>
        <translation>Wie viele Einheiten pro Woche du dir vornimmst.</translation>
    </message>
    <message>
        <source>Weekly goal</source>
        <translation>Wochenziel</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>What you have at home; exercises that need anything else are set aside.</source>
        <extracomment>Everyone is assumed to have a floor or mat, so it is not asked for.</extracomment>
        <translation>Was du zu Hause hast; Übungen, die anderes brauchen, werden zurückgestellt.</translation>
    </message>
    <message>
        <source>Equipment at hand</source>
        <translation>Hilfsmittel</translation>
    </message>
    <message>
        <source>Remind me to stand up and move.</source>
        <translation>Erinnere mich daran, aufzustehen und mich zu bewegen.</translation>
    </message>
    <message>
        <source>Sitting-break reminders</source>
        <translation>Erinnerung an Sitzpausen</translation>
    </message>
    <message>
        <source>Minutes of sitting between reminders.</source>
        <translation>Minuten im Sitzen zwischen zwei Erinnerungen.</translation>
    </message>
    <message>
        <source>Remind me every</source>
        <translation>Erinnern alle</translation>
    </message>
    <message>
        <source>On these days, at the time below, a reminder offers the day&apos;s session.</source>
        <translation>An diesen Tagen bietet dir eine Erinnerung zur unten gewählten Uhrzeit die Einheit des Tages an.</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>Trainingstage</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>When the training-day reminder comes.</source>
        <translation>Wann die Erinnerung am Trainingstag kommt.</translation>
    </message>
    <message>
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <source>The last day whose training reminder was given, skipped or trained.</source>
        <translation>Der letzte Tag, an dem die Trainingserinnerung kam, ausgelassen oder trainiert wurde.</translation>
    </message>
    <message>
        <source>Training reminder done</source>
        <translation>Trainingserinnerung erledigt</translation>
    </message>
    <message>
        <source>Colour theme.</source>
        <translation>Farbschema.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Show each exercise&apos;s start and end pictures instead of a moving figure.</source>
        <translation>Von jeder Übung Anfangs- und Endbild zeigen statt einer bewegten Figur.</translation>
    </message>
    <message>
        <source>Reduced motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
    <message>
        <source>Language of the app; takes effect after a restart.</source>
        <translation>Sprache der App; gilt nach einem Neustart.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The disclaimer was accepted and the questions answered.</source>
        <translation>Der medizinische Hinweis wurde bestätigt und die Fragen wurden beantwortet.</translation>
    </message>
    <message>
        <source>First run done</source>
        <translation>Ersteinrichtung erledigt</translation>
    </message>
    <message>
        <source>Sounds</source>
        <extracomment>The settings dialog shows one group per key prefix, in this order.</extracomment>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>How a time-of-day option is stored and shown. &quot;Restart now&quot; was pressed after changing a setting that only applies on the next start.</extracomment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>Restart Gluteapp now</source>
        <translation>Gluteapp jetzt neu starten</translation>
    </message>
    <message>
        <source>Applies when Gluteapp starts again: {0}.</source>
        <translation>Gilt nach dem nächsten Start von Gluteapp: {0}.</translation>
    </message>
    <message>
        <source>played through the sound device</source>
        <translation>über das Audiogerät abgespielt</translation>
    </message>
    <message>
        <source>played through the sound device (the fallback player)</source>
        <translation>über das Audiogerät abgespielt (mit dem Ersatz-Player)</translation>
    </message>
    <message>
        <source>shown only, not played</source>
        <translation>nur angezeigt, nicht abgespielt</translation>
    </message>
    <message>
        <source>spoken from recorded clips</source>
        <translation>aus Aufnahmen gesprochen</translation>
    </message>
    <message>
        <source>spoken by the system&apos;s speech engine</source>
        <translation>von der Sprachausgabe des Systems gesprochen</translation>
    </message>
    <message>
        <source>Sound: cues {0}; words {1}.</source>
        <translation>Ton: Signale {0}; Ansagen {1}.</translation>
    </message>
</context>
<context>
    <name>SheetSaver</name>
    <message>
        <source>Save the home-exercise sheet</source>
        <translation>Übungsblatt für zu Hause speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet could not be saved to {0}: {1}</source>
        <translation>Das Übungsblatt konnte nicht in {0} gespeichert werden: {1}</translation>
    </message>
    <message>
        <source>The sheet for “{0}” is saved as {1}. Open it to print it.</source>
        <translation>Das Übungsblatt für „{0}“ ist als {1} gespeichert. Öffne es, um es zu drucken.</translation>
    </message>
    <message>
        <source>Home-exercise sheet</source>
        <translation>Übungsblatt für zu Hause</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>StepsLabel</name>
    <message>
        <source>Page Down and Page Up show the next and the earlier steps</source>
        <translation>Bild ab und Bild auf zeigen die nächsten und die vorigen Schritte</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <extracomment>A page turned to by key, and when: the pages go on from there at their own pace. Above one step of an exercise in the player: step 2 of its 4 steps.</extracomment>
        <translation>Schritt {0} von {1}</translation>
    </message>
    <message>
        <source>Steps {0}–{1} of {2}</source>
        <extracomment>Above a page of an exercise&apos;s steps in the player: steps 1 to 2 of its 4 steps.</extracomment>
        <translation>Schritte {0}–{1} von {2}</translation>
    </message>
</context>
<context>
    <name>StopPanel</name>
    <message>
        <source>Stop and rest</source>
        <extracomment>&quot;Left&quot; and &quot;Right&quot;, as the weaker-side setting declares them; shown through `tr_setting`. How long the ring glows for a cue. The smallest the steps are drawn, as a share of the scale: 31 px at 1280x800, whose capitals (22 px) still read at 1/8 of the size, as from three metres; where they do not all fit at that size they show a page at a time (see StepsLabel). Text sizes as shares of the player&apos;s scale (the smaller of its height and 5/8 of its width, so 735 px in a 1280x800 window): (target, smallest). At 1280x800 the phase word&apos;s capitals are about 85 px high, the exercise and the side about 54 px, what comes next about 43 px. The share of the centre&apos;s width (against the countdown&apos;s 5 and the words&apos; 6) a standing figure beside the countdown takes. Narrower than the words: at 1280x800 a German phase word of seven letters (&quot;Wechsel&quot;) still needs some 500 px to stand 80 px high. A lying figure goes under the countdown where the centre is at least this share of the scale high (360 px at 1280x800), so that the ring keeps two thirds of it: 240 px, its digits some 70 px high, against 79 to 100 px beside a standing figure with the rating open. Lower (a German name on two lines, and the rating open), the figure stands beside it. Below this height, while the steps of an exercise show, the rating folds to one line so that the steps can be read (800x600: otherwise only the first step fits). The only keys the player has; each is also named on its control. While the steps show in a window too low for them (below COMPACT_RATING_BELOW_PX), the phase word and the exercise name give them room: the ring says the phase as well. The focus frame of the player&apos;s controls (see PlayerView._tab_order), each side in px.</extracomment>
        <translation>Anhalten und ausruhen</translation>
    </message>
    <message>
        <source>It was the coming exercise</source>
        <translation>Es war die nächste Übung</translation>
    </message>
    <message>
        <source>Not during an exercise</source>
        <translation>Nicht während einer Übung</translation>
    </message>
    <message>
        <source>Skip this exercise</source>
        <translation>Diese Übung überspringen</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Einheit beenden</translation>
    </message>
    <message>
        <source>It has eased, carry on</source>
        <translation>Es hat nachgelassen, weiter</translation>
    </message>
    <message>
        <source>Next time, go back to {0} itself.</source>
        <translation>Mach beim nächsten Mal wieder {0} selbst.</translation>
    </message>
    <message>
        <source>Which exercise was it?</source>
        <translation>Bei welcher Übung war es?</translation>
    </message>
    <message>
        <source>Next time, try the easier version: {0}. {1}</source>
        <translation>Versuch beim nächsten Mal die leichtere Variante: {0}. {1}</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <source>Training reminder</source>
        <translation>Trainingserinnerung</translation>
    </message>
    <message>
        <source>Start today&apos;s session</source>
        <translation>Heutige Einheit starten</translation>
    </message>
    <message>
        <source>Skip today</source>
        <translation>Heute auslassen</translation>
    </message>
    <message numerus="yes">
        <source>It is a training day. Today&apos;s routine: %1. Snooze brings this back in %n minutes; Skip today (or Escape) leaves it until the next training day.</source>
        <translation>
            <numerusform>Heute ist Trainingstag. Heutige Routine: %1. „In %n Min. erinnern“ fragt dich später noch einmal; „Heute auslassen“ (oder Esc) wartet bis zum nächsten Trainingstag.</numerusform>
            <numerusform>Heute ist Trainingstag. Heutige Routine: %1. „In %n Min. erinnern“ fragt dich später noch einmal; „Heute auslassen“ (oder Esc) wartet bis zum nächsten Trainingstag.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingReminder</name>
    <message>
        <source>Start today&apos;s session</source>
        <translation>Heutige Einheit starten</translation>
    </message>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>In %n Min. erinnern</numerusform>
            <numerusform>In %n Min. erinnern</numerusform>
        </translation>
    </message>
    <message>
        <source>Skip today</source>
        <translation>Heute auslassen</translation>
    </message>
    <message>
        <source>Time for today&apos;s session</source>
        <translation>Zeit für die heutige Einheit</translation>
    </message>
    <message>
        <source>It is a training day. Open Gluteapp to start today&apos;s routine.</source>
        <translation>Heute ist Trainingstag. Öffne Gluteapp, um die heutige Routine zu starten.</translation>
    </message>
</context>
<context>
    <name>VariationCard</name>
    <message>
        <source>{dosage} · rest {rest} s</source>
        <translation>{dosage} · Erholung {rest} s</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Gluteus maximus</source>
        <extracomment>Translation context of every word declared here.</extracomment>
        <translation>Großer Gesäßmuskel</translation>
    </message>
    <message>
        <source>Gluteus medius</source>
        <translation>Mittlerer Gesäßmuskel</translation>
    </message>
    <message>
        <source>Gluteus minimus</source>
        <translation>Kleiner Gesäßmuskel</translation>
    </message>
    <message>
        <source>Tensor fasciae latae</source>
        <translation>Schenkelbindenspanner</translation>
    </message>
    <message>
        <source>Hamstrings</source>
        <translation>Hintere Oberschenkel</translation>
    </message>
    <message>
        <source>Quadriceps</source>
        <translation>Quadrizeps</translation>
    </message>
    <message>
        <source>Adductors</source>
        <translation>Adduktoren</translation>
    </message>
    <message>
        <source>Hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>Calves</source>
        <translation>Waden</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <source>Lower back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <source>Shoulder stabilisers</source>
        <translation>Schulterstabilisatoren</translation>
    </message>
    <message>
        <source>Mini band</source>
        <extracomment>Also the choice labels of the equipment setting (`gluteapp.gui.settings.EQUIPMENT`).</extracomment>
        <translation>Mini-Band</translation>
    </message>
    <message>
        <source>Long resistance band</source>
        <translation>Langes Widerstandsband</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <source>Step or box</source>
        <translation>Stufe oder Box</translation>
    </message>
    <message>
        <source>Mat</source>
        <translation>Matte</translation>
    </message>
    <message>
        <source>Yoga block</source>
        <translation>Yogablock</translation>
    </message>
    <message>
        <source>Dumbbell</source>
        <translation>Kurzhantel</translation>
    </message>
    <message>
        <source>Handrail or chair back</source>
        <translation>Geländer oder Stuhllehne</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehend</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>Sitzend</translation>
    </message>
    <message>
        <source>On the floor, on your side</source>
        <translation>Am Boden, in Seitenlage</translation>
    </message>
    <message>
        <source>On the floor, on your back</source>
        <translation>Am Boden, in Rückenlage</translation>
    </message>
    <message>
        <source>On the floor, face down</source>
        <translation>Am Boden, in Bauchlage</translation>
    </message>
    <message>
        <source>On the floor, on hands and knees</source>
        <translation>Am Boden, im Vierfüßlerstand</translation>
    </message>
    <message>
        <source>Kneeling</source>
        <translation>Kniend</translation>
    </message>
    <message>
        <source>Timed hold</source>
        <translation>Gehaltene Position</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Tempo-paced reps</source>
        <translation>Wiederholungen im Takt</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Glutes</source>
        <extracomment>Where a set was felt, as a label of its own (a button, a table cell).</extracomment>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>Nowhere</source>
        <translation>Nirgends</translation>
    </message>
    <message>
        <source>glutes</source>
        <extracomment>Where a set was felt, inside a sentence (&quot;glutes 60 %, lower back 10 %&quot;).</extracomment>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>hamstrings</source>
        <translation>hintere Oberschenkel</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>nowhere in particular</source>
        <translation>nirgends Bestimmtes</translation>
    </message>
    <message>
        <source>left</source>
        <extracomment>The side of a set, inside a sentence (&quot;Bridge, set 2, left&quot;).</extracomment>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both sides</source>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Vorzeitig beendet</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Interrupted (can be resumed)</source>
        <translation>Unterbrochen (kann fortgesetzt werden)</translation>
    </message>
    <message>
        <source>the last 4 weeks</source>
        <translation>die letzten 4 Wochen</translation>
    </message>
    <message>
        <source>the last 3 months</source>
        <translation>die letzten 3 Monate</translation>
    </message>
    <message>
        <source>the last year</source>
        <translation>das letzte Jahr</translation>
    </message>
    <message>
        <source>the whole history</source>
        <translation>der gesamte Verlauf</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>reps</source>
        <translation>Wdh.</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <source>{0} steps each way</source>
        <translation>{0} Schritte pro Richtung</translation>
    </message>
    <message>
        <source>{0} reps</source>
        <translation>{0} Wdh.</translation>
    </message>
    <message>
        <source>{sets} x {amount}</source>
        <translation>{sets} x {amount}</translation>
    </message>
    <message>
        <source>{0} per side</source>
        <translation>{0} pro Seite</translation>
    </message>
    <message>
        <source>{0}, tempo {1}</source>
        <translation>{0}, Tempo {1}</translation>
    </message>
    <message>
        <source>no equipment</source>
        <translation>ohne Hilfsmittel</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Switch to your left side</source>
        <translation>Wechsel auf die linke Seite</translation>
    </message>
    <message>
        <source>Switch to your left leg</source>
        <translation>Wechsel auf das linke Bein</translation>
    </message>
    <message>
        <source>Switch to your right side</source>
        <translation>Wechsel auf die rechte Seite</translation>
    </message>
    <message>
        <source>Switch to your right leg</source>
        <translation>Wechsel auf das rechte Bein</translation>
    </message>
    <message numerus="yes">
        <source>Take %n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Do %n reps</source>
        <translation>
            <numerusform>%n Wiederholung</numerusform>
            <numerusform>%n Wiederholungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereitmachen</translation>
    </message>
    <message>
        <source>Tempo reps</source>
        <translation>Wiederholungen im Takt</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Erholung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>If you have pain now, a medical condition, or an injury or operation behind you, ask a doctor or physiotherapist before you start. A programme from your physiotherapist comes before anything this app suggests.</source>
        <translation>Wenn du gerade Schmerzen, eine Erkrankung oder eine Verletzung oder Operation hinter dir hast, frag vor dem Start eine Ärztin, einen Arzt oder deine Physiotherapie. Ein Programm aus deiner Physiotherapie geht allem vor, was diese App vorschlägt.</translation>
    </message>
    <message>
        <source>Effort, a burn or tiredness in the muscles you are working is not pain: rate it 0.</source>
        <translation>Anstrengung, Brennen oder Müdigkeit in den Muskeln, die du gerade trainierst, sind kein Schmerz: Bewerte sie mit 0.</translation>
    </message>
    <message>
        <source>A dose moves up only after {0} sessions in a row done in full with no pain at all.</source>
        <translation>Eine Dosis steigt nur nach {0} Einheiten hintereinander, die du ganz und völlig ohne Schmerz geschafft hast.</translation>
    </message>
    <message>
        <source>Mild pain, 1 to {0} out of 10, that stays the same and settles soon after: you may finish the set, but the dose stays where it is.</source>
        <translation>Leichter Schmerz, 1 bis {0} von 10, der gleich bleibt und danach bald abklingt: Du darfst den Satz zu Ende machen, aber die Dosis bleibt, wo sie ist.</translation>
    </message>
    <message>
        <source>Stop the set (press “It hurts”) when pain reaches {0} out of 10, grows during the set, is sharp, or is in a joint or your lower back. Next time, do the easier version or another exercise for the same muscle.</source>
        <translation>Brich den Satz ab (drück „Es tut weh“), wenn der Schmerz {0} von 10 erreicht, während des Satzes zunimmt, stechend ist oder in einem Gelenk oder im unteren Rücken sitzt. Mach beim nächsten Mal die leichtere Variante oder eine andere Übung für denselben Muskel.</translation>
    </message>
    <message>
        <source>Stop the session and ask a doctor or physiotherapist before you train again if pain spreads down a leg, comes with numbness, tingling or dizziness, has not settled by the next day, or comes back each time you do an exercise, in its easier version too.</source>
        <translation>Beende die Einheit und frag eine Ärztin, einen Arzt oder deine Physiotherapie, bevor du wieder trainierst, wenn der Schmerz ins Bein ausstrahlt, mit Taubheit, Kribbeln oder Schwindel einhergeht, am nächsten Tag nicht abgeklungen ist oder bei einer Übung jedes Mal wiederkommt, auch in ihrer leichteren Variante.</translation>
    </message>
    <message>
        <source>0: no pain (a burn in the working muscles is not pain). 1 to {0}: the dose stays. {1} or more: stop this exercise.</source>
        <translation>0: kein Schmerz (Brennen in den arbeitenden Muskeln ist kein Schmerz). 1 bis {0}: Die Dosis bleibt. Ab {1}: Hör mit dieser Übung auf.</translation>
    </message>
    <message>
        <source>You completed it in your last two sessions with no pain at all, and felt it in your glutes.</source>
        <translation>Du hast sie in deinen letzten beiden Einheiten ganz geschafft, völlig ohne Schmerz, und sie im Gesäß gespürt.</translation>
    </message>
    <message>
        <source>There was some pain in one of your last two sessions. Any pain holds the dose; it moves up only after sessions with no pain.</source>
        <translation>In einer deiner letzten beiden Einheiten gab es Schmerz. Jeder Schmerz hält die Dosis; sie steigt nur nach Einheiten ohne Schmerz.</translation>
    </message>
    <message>
        <source>You rated the pain {0} out of 10 last time: pain that stops a set. Today: the easier version or another exercise for the same muscle.</source>
        <translation>Du hast den Schmerz letztes Mal mit {0} von 10 bewertet: Schmerz, bei dem ein Satz abgebrochen wird. Heute: die leichtere Variante oder eine andere Übung für denselben Muskel.</translation>
    </message>
    <message>
        <source>You pressed “It hurts” during it last time: pain that stops a set. Today: the easier version or another exercise for the same muscle.</source>
        <translation>Du hast letztes Mal dabei „Es tut weh“ gedrückt: Schmerz, bei dem ein Satz abgebrochen wird. Heute: die leichtere Variante oder eine andere Übung für denselben Muskel.</translation>
    </message>
    <message>
        <source>Pain stopped a set in each of your last two sessions. Ask a doctor or physiotherapist before you do this exercise again.</source>
        <translation>In deinen letzten beiden Einheiten hat Schmerz jeweils einen Satz beendet. Frag eine Ärztin, einen Arzt oder deine Physiotherapie, bevor du diese Übung wieder machst.</translation>
    </message>
    <message>
        <source>Or another exercise for the same muscle: {0}.</source>
        <translation>Oder eine andere Übung für denselben Muskel: {0}.</translation>
    </message>
    <message>
        <source>you skipped the rest of the exercise</source>
        <extracomment>What the person chose after &quot;It hurts&quot;, inside a sentence (&quot;... : you ended the session&quot;).</extracomment>
        <translation>du hast den Rest der Übung übersprungen</translation>
    </message>
    <message>
        <source>you ended the session</source>
        <translation>du hast die Einheit beendet</translation>
    </message>
    <message>
        <source>it eased and you carried on</source>
        <translation>es ließ nach, und du hast weitergemacht</translation>
    </message>
    <message>
        <source>no choice was made</source>
        <translation>es wurde nichts gewählt</translation>
    </message>
    <message>
        <source>Not during an exercise</source>
        <translation>Nicht während einer Übung</translation>
    </message>
    <message>
        <source>{0}, set {1}, {2} side</source>
        <translation>{0}, Satz {1}, Seite {2}</translation>
    </message>
    <message>
        <source>{0}, set {1}</source>
        <translation>{0}, Satz {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Routine</source>
        <extracomment>What a programme file holds (`gluteapp.core.programme.Kind`, by value: that module loads only when a programme is exported or imported).</extracomment>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Your exercise</source>
        <translation>Eigene Übung</translation>
    </message>
    <message>
        <source>New</source>
        <extracomment>What importing finds for each item in the data folder (`gluteapp.core.programme.Status`).</extracomment>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Already here, the same</source>
        <translation>Schon da, gleich</translation>
    </message>
    <message>
        <source>Already here, different</source>
        <translation>Schon da, anders</translation>
    </message>
</context>
</TS>
