<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>Kanban</name>
    <message numerus="yes">
      <source>%n task(s)</source>
      <translation>
        <numerusform>%n task</numerusform>
        <numerusform>%n tasks</numerusform>
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
