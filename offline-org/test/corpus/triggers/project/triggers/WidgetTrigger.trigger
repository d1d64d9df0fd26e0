trigger WidgetTrigger on Widget__c (before insert, after insert, before update, after update) {
    System.debug((Trigger.isBefore ? 'before ' : 'after ') + (Trigger.isInsert ? 'insert ' : 'update ') + Trigger.new.size());
    for (Widget__c w : Trigger.new) {
        if (Trigger.isBefore && w.Quantity__c != null && w.Quantity__c < 0) w.addError('must not be negative');
        if (Trigger.isBefore && w.Code__c == 'BAD') w.Code__c.addError('bad code');
        if (Trigger.isBefore && Trigger.isInsert && w.Name == null) w.Name = 'auto';
        if (Trigger.isUpdate && Trigger.isBefore) System.debug('old ' + Trigger.oldMap.get(w.Id).Quantity__c + ' new ' + w.Quantity__c);
    }
}
