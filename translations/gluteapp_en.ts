<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>BackupSection</name>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routine files</source>
        <translation>
            <numerusform>%n routine file</numerusform>
            <numerusform>%n routine files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n own exercise files</source>
        <translation>
            <numerusform>%n own exercise file</numerusform>
            <numerusform>%n own exercise files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DosePlan</name>
    <message numerus="yes">
        <source>Mostly felt in the {0}: {1} of the last %n rated sets.</source>
        <translation>
            <numerusform>Mostly felt in the {0}: {1} of the last %n rated set.</numerusform>
            <numerusform>Mostly felt in the {0}: {1} of the last %n rated sets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message numerus="yes">
        <source>This has happened %n times since the start.</source>
        <translation>
            <numerusform>This has happened %n time since the start.</numerusform>
            <numerusform>This has happened %n times since the start.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryReport</name>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active days</source>
        <translation>
            <numerusform>%n active day</numerusform>
            <numerusform>%n active days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Average pain per rated set (0-10): {start} in the first {n} sessions, {late} in the latest {n}. Highest rating: {worst} on {day}. {rated} of %n sets were rated.</source>
        <translation>
            <numerusform>Average pain per rated set (0-10): {start} in the first {n} sessions, {late} in the latest {n}. Highest rating: {worst} on {day}. {rated} of %n set was rated.</numerusform>
            <numerusform>Average pain per rated set (0-10): {start} in the first {n} sessions, {late} in the latest {n}. Highest rating: {worst} on {day}. {rated} of %n sets were rated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sets felt in the glutes: {start} % in the first {n} sessions, {late} % in the latest {n}. Over the period: {spread} of %n rated sets.</source>
        <translation>
            <numerusform>Sets felt in the glutes: {start} % in the first {n} sessions, {late} % in the latest {n}. Over the period: {spread} of %n rated set.</numerusform>
            <numerusform>Sets felt in the glutes: {start} % in the first {n} sessions, {late} % in the latest {n}. Over the period: {spread} of %n rated sets.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message numerus="yes">
        <source>Exported %n sets to {0}</source>
        <translation>
            <numerusform>Exported %n set to {0}</numerusform>
            <numerusform>Exported %n sets to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sets in all</source>
        <translation>
            <numerusform>%n set in all</numerusform>
            <numerusform>%n sets in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} (%n sets)</source>
        <translation>
            <numerusform>{0} (%n set)</numerusform>
            <numerusform>{0} (%n sets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>“{0}” holds the routine “{1}” and %n own exercises.</source>
        <translation>
            <numerusform>“{0}” holds the routine “{1}” and %n own exercise.</numerusform>
            <numerusform>“{0}” holds the routine “{1}” and %n own exercises.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are already in your data with other content. Replace yours with the programme&apos;s, or keep both: the imported ones then get new names.</source>
        <translation>
            <numerusform>%n of them is already in your data with other content. Replace yours with the programme&apos;s, or keep both: the imported one then gets a new name.</numerusform>
            <numerusform>%n of them are already in your data with other content. Replace yours with the programme&apos;s, or keep both: the imported ones then get new names.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message numerus="yes">
        <source>{0} of {1} done; {2} to go, with %n days left this week.</source>
        <translation>
            <numerusform>{0} of {1} done; {2} to go, with %n day left this week.</numerusform>
            <numerusform>{0} of {1} done; {2} to go, with %n days left this week.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} of {1} done, with %n days left this week. One session a day is plenty; the count starts again on Monday.</source>
        <translation>
            <numerusform>{0} of {1} done, with %n day left this week. One session a day is plenty; the count starts again on Monday.</numerusform>
            <numerusform>{0} of {1} done, with %n days left this week. One session a day is plenty; the count starts again on Monday.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemBanner</name>
    <message numerus="yes">
        <source>%n finished sets are waiting to be saved.</source>
        <extracomment>Distinct messages kept on show; older ones give way (the log keeps every one).</extracomment>
        <translation>
            <numerusform>%n finished set is waiting to be saved.</numerusform>
            <numerusform>%n finished sets are waiting to be saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A copy of the %n waiting sets was saved to {0}. They stay waiting to be saved in your history too.</source>
        <translation>
            <numerusform>A copy of the %n waiting set was saved to {0}. It stays waiting to be saved in your history too.</numerusform>
            <numerusform>A copy of the %n waiting sets was saved to {0}. They stay waiting to be saved in your history too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n sets that were waiting are saved in your history now.</source>
        <translation>
            <numerusform>The %n set that was waiting is saved in your history now.</numerusform>
            <numerusform>The %n sets that were waiting are saved in your history now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n problems so far.)</source>
        <translation>
            <numerusform>(%n problem so far.)</numerusform>
            <numerusform>(%n problems so far.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeActions</name>
    <message numerus="yes">
        <source>“{0}” is saved as {1}, with %n own exercises.</source>
        <translation>
            <numerusform>“{0}” is saved as {1}, with %n own exercise.</numerusform>
            <numerusform>“{0}” is saved as {1}, with %n own exercises.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuitWithWaitingSets</name>
    <message numerus="yes">
        <source>%n finished sets are not saved in your history yet: the disk is full or the history cannot be written.</source>
        <translation>
            <numerusform>%n finished set is not saved in your history yet: the disk is full or the history cannot be written.</numerusform>
            <numerusform>%n finished sets are not saved in your history yet: the disk is full or the history cannot be written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <source>You have been sitting for %n minutes. Stand up and move for two minutes: long sitting lets the glutes go quiet.</source>
        <translation>
            <numerusform>You have been sitting for %n minute. Stand up and move for two minutes: long sitting lets the glutes go quiet.</numerusform>
            <numerusform>You have been sitting for %n minutes. Stand up and move for two minutes: long sitting lets the glutes go quiet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <source>Gluteapp: next break in %n min</source>
        <translation>
            <numerusform>Gluteapp: next break in %n min</numerusform>
            <numerusform>Gluteapp: next break in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have been sitting for %n minutes. A two-minute standing break?</source>
        <translation>
            <numerusform>You have been sitting for %n minute. A two-minute standing break?</numerusform>
            <numerusform>You have been sitting for %n minutes. A two-minute standing break?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResumeBanner</name>
    <message numerus="yes">
        <source>Your session “{0}” from {1} was interrupted after %n saved sets. Nothing you finished was lost.</source>
        <translation>
            <numerusform>Your session “{0}” from {1} was interrupted after %n saved set. Nothing you finished was lost.</numerusform>
            <numerusform>Your session “{0}” from {1} was interrupted after %n saved sets. Nothing you finished was lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutinePicker</name>
    <message numerus="yes">
        <source>%n exercises</source>
        <translation>
            <numerusform>%n exercise</numerusform>
            <numerusform>%n exercises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionSummary</name>
    <message numerus="yes">
        <source>%n finished sets are not saved yet: they wait until the history can be written again (see the message at the top).</source>
        <translation>
            <numerusform>%n finished set is not saved yet: it waits until the history can be written again (see the message at the top).</numerusform>
            <numerusform>%n finished sets are not saved yet: they wait until the history can be written again (see the message at the top).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reps</source>
        <translation>
            <numerusform>%n rep</numerusform>
            <numerusform>%n reps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionTreeModel</name>
    <message numerus="yes">
        <source>%n sets</source>
        <translation>
            <numerusform>%n set</numerusform>
            <numerusform>%n sets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message numerus="yes">
        <source>It is a training day. Today&apos;s routine: %1. Snooze brings this back in %n minutes; Skip today (or Escape) leaves it until the next training day.</source>
        <translation>
            <numerusform>It is a training day. Today&apos;s routine: %1. Snooze brings this back in %n minute; Skip today (or Escape) leaves it until the next training day.</numerusform>
            <numerusform>It is a training day. Today&apos;s routine: %1. Snooze brings this back in %n minutes; Skip today (or Escape) leaves it until the next training day.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingReminder</name>
    <message numerus="yes">
        <source>Snooze %n min</source>
        <translation>
            <numerusform>Snooze %n min</numerusform>
            <numerusform>Snooze %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>Take %n steps</source>
        <translation>
            <numerusform>Take %n step</numerusform>
            <numerusform>Take %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Do %n reps</source>
        <translation>
            <numerusform>Do %n rep</numerusform>
            <numerusform>Do %n reps</numerusform>
        </translation>
    </message>
</context>
</TS>
