/** The platform's QueryException messages for names SOQL does not understand. */
import { QueryException } from '../errors.js';

const WSDL = 'Please reference your WSDL or the describe call for the appropriate names.';

export const soqlErrors = {
    noSuchObject: (name: string) =>
        new QueryException(
            `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${WSDL}`,
        ),
    noSuchColumn: (field: string, object: string) =>
        new QueryException(
            `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${WSDL}`,
        ),
    noSuchRelationship: (name: string) =>
        new QueryException(
            `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL}`,
        ),
    noSuchChildRelationship: (name: string) =>
        new QueryException(
            `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL}`,
        ),
    notFilterable: (field: string) => new QueryException(`field '${field}' can not be filtered in a query call`),
    notSortable: (field: string) => new QueryException(`field '${field}' can not be sorted in a query call`),
    notGroupable: (field: string) => new QueryException(`field '${field}' can not be grouped in a query call`),
    wrongValueType: (field: string, type: string, quoted: boolean) =>
        new QueryException(
            `value of filter criterion for field '${field}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
        ),
    invalidId: (value: string) => new QueryException(`invalid ID field: ${value}`),
    notGroupedField: (field: string) => new QueryException(`Field must be grouped or aggregated: ${field}`),
};
