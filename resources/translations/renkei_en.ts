<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n item(s) missing (%1)</source>
        <translation>
            <numerusform>%n item missing (%1)</numerusform>
            <numerusform>%n items missing (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote the status report (%n page(s), %1) to %2 in %3 s.</source>
        <translation>
            <numerusform>Wrote the status report (%n page, %1) to %2 in %3 s.</numerusform>
            <numerusform>Wrote the status report (%n pages, %1) to %2 in %3 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Due within %n day</numerusform>
            <numerusform>Due within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Forecasting</name>
    <message numerus="yes">
        <source>not enough history: %n task(s) finished in %1 weeks</source>
        <translation>
            <numerusform>not enough history: %n task finished in %1 weeks</numerusform>
            <numerusform>not enough history: %n tasks finished in %1 weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enough history: %n open task(s) belong to no team</source>
        <translation>
            <numerusform>not enough history: %n open task belongs to no team</numerusform>
            <numerusform>not enough history: %n open tasks belong to no team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) finished in %1 weeks</source>
        <translation>
            <numerusform>%n task finished in %1 weeks</numerusform>
            <numerusform>%n tasks finished in %1 weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffLoss</name>
    <message numerus="yes">
        <source>%1: not acknowledged, %2 overdue (SLA: %n business day(s))</source>
        <translation>
            <numerusform>%1: not acknowledged, %2 overdue (SLA: %n business day)</numerusform>
            <numerusform>%1: not acknowledged, %2 overdue (SLA: %n business days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: acknowledged %2 late (SLA: %n business day(s))</source>
        <translation>
            <numerusform>%1: acknowledged %2 late (SLA: %n business day)</numerusform>
            <numerusform>%1: acknowledged %2 late (SLA: %n business days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: accepted, then no activity by the receiver for %n business day(s)</source>
        <translation>
            <numerusform>%1: accepted, then no activity by the receiver for %n business day</numerusform>
            <numerusform>%1: accepted, then no activity by the receiver for %n business days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Handoffs</name>
    <message numerus="yes">
        <source>Stalled — no activity for %n business day(s)</source>
        <translation>
            <numerusform>Stalled — no activity for %n business day</numerusform>
            <numerusform>Stalled — no activity for %n business days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) of hands with no handoff</source>
        <translation>
            <numerusform>%n change of hands with no handoff</numerusform>
            <numerusform>%n changes of hands with no handoff</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed hands with no handoff record: %n time(s)</source>
        <translation>
            <numerusform>Changed hands with no handoff record: %n time</numerusform>
            <numerusform>Changed hands with no handoff record: %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoffsTab</name>
    <message numerus="yes">
        <source>%n change(s) of hands with no handoff</source>
        <translation>
            <numerusform>%n change of hands with no handoff</numerusform>
            <numerusform>%n changes of hands with no handoff</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Kanban</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n more finished task(s)</source>
        <translation>
            <numerusform>Show %n more finished task</numerusform>
            <numerusform>Show %n more finished tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s) shown</source>
        <translation>
            <numerusform>%1 of %n task shown</numerusform>
            <numerusform>%1 of %n tasks shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n task(s)</source>
        <translation>
            <numerusform>%1 of %n task</numerusform>
            <numerusform>%1 of %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>▾ %n more finished</source>
        <translation>
            <numerusform>▾ %n more finished</numerusform>
            <numerusform>▾ %n more finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeCopies</name>
    <message numerus="yes">
        <source>%n change(s) from %1 merged.</source>
        <translation>
            <numerusform>%n change from %1 merged.</numerusform>
            <numerusform>%n changes from %1 merged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeOffer</name>
    <message numerus="yes">
        <source>A sync tool left %n copy(s) of this board beside it, made when two people changed it at the same moment:</source>
        <translation>
            <numerusform>A sync tool left %n copy of this board beside it, made when two people changed it at the same moment:</numerusform>
            <numerusform>A sync tool left %n copies of this board beside it, made when two people changed it at the same moment:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message numerus="yes">
        <source>%n handoff(s) waiting for the team</source>
        <translation>
            <numerusform>%n handoff waiting for the team</numerusform>
            <numerusform>%n handoffs waiting for the team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>%n hop</numerusform>
            <numerusform>%n hops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more task(s) at risk, in the appendix.</source>
        <translation>
            <numerusform>…and %n more task at risk, in the appendix.</numerusform>
            <numerusform>…and %n more tasks at risk, in the appendix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more task(s) at risk.</source>
        <translation>
            <numerusform>…and %n more task at risk.</numerusform>
            <numerusform>…and %n more tasks at risk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n handoff(s) stuck.</source>
        <translation>
            <numerusform>%n handoff stuck.</numerusform>
            <numerusform>%n handoffs stuck.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s) moved.</source>
        <translation>
            <numerusform>%n deadline moved.</numerusform>
            <numerusform>%n deadlines moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n older change(s).</source>
        <translation>
            <numerusform>…and %n older change.</numerusform>
            <numerusform>…and %n older changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 overdue</source>
        <translation>
            <numerusform>%n of %1 overdue</numerusform>
            <numerusform>%n of %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slipped</source>
        <translation>
            <numerusform>%n slipped</numerusform>
            <numerusform>%n slipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 at risk</source>
        <translation>
            <numerusform>%n of %1 at risk</numerusform>
            <numerusform>%n of %1 at risk</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Risk</name>
    <message numerus="yes">
        <source>Due date moved %n time(s), %1 later than first planned.</source>
        <translation>
            <numerusform>Due date moved %n time, %1 later than first planned.</numerusform>
            <numerusform>Due date moved %n times, %1 later than first planned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No activity for %n day(s).</source>
        <translation>
            <numerusform>No activity for %n day.</numerusform>
            <numerusform>No activity for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waits for “%1”, due %2, still open — %n day(s) late.</source>
        <translation>
            <numerusform>Waits for “%1”, due %2, still open — %n day late.</numerusform>
            <numerusform>Waits for “%1”, due %2, still open — %n days late.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overdue: was due %n day(s) ago.</source>
        <translation>
            <numerusform>Overdue: was due %n day ago.</numerusform>
            <numerusform>Overdue: was due %n days ago.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Slips</name>
    <message numerus="yes">
        <source>moved %n time(s)</source>
        <translation>
            <numerusform>moved %n time</numerusform>
            <numerusform>moved %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now %n day(s) later</source>
        <translation>
            <numerusform>now %n day later</numerusform>
            <numerusform>now %n days later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>now %n day(s) earlier</source>
        <translation>
            <numerusform>now %n day earlier</numerusform>
            <numerusform>now %n days earlier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message numerus="yes">
        <source> business day(s)</source>
        <translation>
            <numerusform> business day</numerusform>
            <numerusform> business days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Starts before “%1” ends (%n day(s) overlap)</source>
        <translation>
            <numerusform>Starts before “%1” ends (%n day overlap)</numerusform>
            <numerusform>Starts before “%1” ends (%n days overlap)</numerusform>
        </translation>
    </message>
</context>
</TS>
