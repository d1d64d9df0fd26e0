/**
 * The platform-owned rows the async engine maintains: AsyncApexJob, CronTrigger, CronJobDetail. Times are epoch ms
 * (the adapter converts them to the data layer's ISO datetimes when it mirrors rows into the store).
 */
export type JobStatus = 'Holding' | 'Queued' | 'Preparing' | 'Processing' | 'Completed' | 'Failed' | 'Aborted';
export type JobType = 'Queueable' | 'Future' | 'BatchApex' | 'ScheduledApex';

export interface AsyncApexJobRecord {
    Id: string;
    JobType: JobType;
    Status: JobStatus;
    /** The Apex class of the job (ApexClassId resolves to it). */
    ApexClassName: string;
    /** Future: the method name. */
    MethodName: string | null;
    NumberOfErrors: number;
    JobItemsProcessed: number;
    TotalJobItems: number;
    ExtendedStatus: string | null;
    CreatedDate: number;
    CompletedDate: number | null;
    ParentJobId: string | null;
    CronTriggerId: string | null;
}

export type CronTriggerState = 'WAITING' | 'EXECUTING' | 'DELETED';

export interface CronTriggerRecord {
    Id: string;
    CronJobDetailId: string;
    CronExpression: string;
    State: CronTriggerState;
    NextFireTime: number | null;
    PreviousFireTime: number | null;
    StartTime: number;
    EndTime: number | null;
    TimesTriggered: number;
    TimeZoneSidKey: string;
}

export interface CronJobDetailRecord {
    Id: string;
    Name: string;
    /** '7' = Scheduled Apex. */
    JobType: '7';
}

export type RecordObjectName = 'AsyncApexJob' | 'CronTrigger' | 'CronJobDetail';

/** Told about every row the engine creates, changes or removes (e.g. to mirror it into the org's store). */
export interface RecordSink {
    upsert(
        objectName: RecordObjectName,
        row: Readonly<AsyncApexJobRecord | CronTriggerRecord | CronJobDetailRecord>,
    ): void;
    remove(objectName: RecordObjectName, id: string): void;
}
