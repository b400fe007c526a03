// Apps Script enums as plain name→name maps: a real enum value prints as its name (`String(x) === 'SHEET'`),
// compares equal to itself and survives JSON, which is all the add-on does with them.

function names<const T extends string>(...keys: T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [K in T]: K };
}

export const DataValidationCriteria = names('DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST',
  'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX');
export type DataValidationCriteriaName = keyof typeof DataValidationCriteria;

export const BooleanCriteria = names('CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO',
  'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA');
export type BooleanCriteriaName = keyof typeof BooleanCriteria;

export const ProtectionType = names('RANGE', 'SHEET');
export const BorderStyle = names('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
export const WrapStrategy = names('WRAP', 'OVERFLOW', 'CLIP');
export type WrapStrategyName = keyof typeof WrapStrategy;
export const DeveloperMetadataLocationType = names('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN');
export type LocationTypeName = keyof typeof DeveloperMetadataLocationType;
export const DeveloperMetadataVisibility = names('DOCUMENT', 'PROJECT');
export type VisibilityName = keyof typeof DeveloperMetadataVisibility;
export const Dimension = names('COLUMNS', 'ROWS');
export const AutoFillSeries = names('DEFAULT_SERIES', 'ALTERNATE_SERIES');
export const SheetType = names('GRID', 'OBJECT', 'DATASOURCE');
export const Direction = names('UP', 'DOWN', 'PREVIOUS', 'NEXT');
