/**
 * The rules of the homelab app form, shared by the form fields (frontend) and
 * the scaffolder actions (backend).
 *
 * @packageDocumentation
 */
export * from './fieldNames';
export * from './rules/appNameRule';
export * from './rules/hostnameRule';
export * from './rules/imageReferenceRule';
export * from './rules/singleLineTextRule';
export * from './rules/quoteForMessage';
export * from './rules/HomelabFieldRules';
export * from './catalog/findAppNameClash';
export * from './catalog/findHostClash';
export * from './catalog/learnBaseDomain';
export * from './catalog/ingressClassVisibility';
export * from './catalog/appDomainNames';
export * from './preview/PlannedFile';
