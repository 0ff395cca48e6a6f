<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Printout</name>
    <message numerus="yes">
        <location filename="../../app/exponav/ui/print/printout.py" line="+107"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n stop</numerusform>
            <numerusform>%n stops</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitController</name>
    <message numerus="yes">
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+310"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n stop</numerusform>
            <numerusform>%n stops</numerusform>
        </translation>
    </message>
</context>
</TS>
