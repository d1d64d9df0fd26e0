import type { Entity } from 'c/resyncApi';
import { formatDateTime } from 'c/resyncFormat';

/** One row of the entity table. */
export interface EntityRow {
    objectName: string;
    label: string;
    enabled: boolean;
    latestFailedMissed: string;
    latestFull: string;
    linkedRecords: number;
    failedRecords: number;
}

/** A datatable column. */
export interface Column {
    label: string;
    fieldName: string;
    type?: string;
    initialWidth?: number;
    cellAttributes?: Record<string, unknown>;
}

/**
 * The entity table's rows, by label.
 * @param entities the target's objects
 * @param never what a date that never happened reads as
 */
export function entityRows(entities: Entity[] | undefined, never: string): EntityRow[] {
    const when = (value: string | null | undefined): string => (value ? formatDateTime(value) : never);
    return (entities ?? [])
        .map((entity) => ({
            objectName: entity.objectName ?? '',
            label:
                entity.label && entity.label !== entity.objectName
                    ? `${entity.label} (${entity.objectName})`
                    : (entity.objectName ?? ''),
            enabled: entity.enabled === true,
            latestFailedMissed: when(entity.lastFailedMissedResyncAt),
            latestFull: when(entity.lastFullResyncAt),
            linkedRecords: entity.linkedRecords ?? 0,
            failedRecords: entity.failedRecords ?? 0,
        }))
        .sort((left, right) => left.label.localeCompare(right.label));
}

/**
 * The entity table's columns, as the seed names them, then the counts.
 * @param labels the screen's text
 */
export function entityColumns(labels: {
    entity: string;
    latestFailedMissed: string;
    latestFull: string;
    linked: string;
    failedRecords: string;
    enabled: string;
}): Column[] {
    return [
        { label: labels.entity, fieldName: 'label' },
        { label: labels.latestFailedMissed, fieldName: 'latestFailedMissed' },
        { label: labels.latestFull, fieldName: 'latestFull' },
        { label: labels.linked, fieldName: 'linkedRecords', type: 'number', initialWidth: 140 },
        { label: labels.failedRecords, fieldName: 'failedRecords', type: 'number', initialWidth: 140 },
        { label: labels.enabled, fieldName: 'enabled', type: 'boolean', initialWidth: 100 },
    ];
}
