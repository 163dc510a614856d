<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminOrdersPage</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>the first line, then how many other lines</comment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#777&apos;&gt;%n other field(s) unchanged.&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#777&apos;&gt;%n other field unchanged.&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:#777&apos;&gt;%n other fields unchanged.&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>oldest pending: %n day(s)</source>
        <translation>
            <numerusform>oldest pending: %n day</numerusform>
            <numerusform>oldest pending: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n hour(s)</source>
        <translation>
            <numerusform>oldest pending: %n hour</numerusform>
            <numerusform>oldest pending: %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n minute(s)</source>
        <translation>
            <numerusform>oldest pending: %n minute</numerusform>
            <numerusform>oldest pending: %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest pending: %n s</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>oldest pending: %n s</numerusform>
            <numerusform>oldest pending: %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <comment>the first line, then how many other lines</comment>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message numerus="yes">
        <source>Your cart holds %n item(s) (%1). The cart is kept only while you are signed in: signing out empties it. Nothing has been paid or reserved.</source>
        <translation>
            <numerusform>Your cart holds %n item (%1). The cart is kept only while you are signed in: signing out empties it. Nothing has been paid or reserved.</numerusform>
            <numerusform>Your cart holds %n items (%1). The cart is kept only while you are signed in: signing out empties it. Nothing has been paid or reserved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShippingQueueTile</name>
    <message numerus="yes">
        <source>The oldest was paid %n day(s) ago.</source>
        <translation>
            <numerusform>The oldest was paid %n day ago.</numerusform>
            <numerusform>The oldest was paid %n days ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest was paid %n hour(s) ago.</source>
        <translation>
            <numerusform>The oldest was paid %n hour ago.</numerusform>
            <numerusform>The oldest was paid %n hours ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest was paid %n minute(s) ago.</source>
        <translation>
            <numerusform>The oldest was paid %n minute ago.</numerusform>
            <numerusform>The oldest was paid %n minutes ago.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to ship</source>
        <translation>
            <numerusform>%n order waiting to ship</numerusform>
            <numerusform>%n orders waiting to ship</numerusform>
        </translation>
    </message>
</context>
</TS>
