/**
 * Carrying what other tools write through our saves unchanged.
 *
 * bpmn-moddle keeps an element of a namespace it does not know only where the BPMN type has a
 * property of the generic type `Element` (in practice only inside <extensionElements>). Everywhere
 * else — a BIMP `qbp:processSimulationInfo` placed directly under <definitions>, a Bonita event
 * definition inside an event, a vendor element directly inside a task or a DI shape — it is parsed,
 * warned about and dropped, and the next save writes the file without it.
 *
 * This package adds one generic catch-all list to every BPMN and DI element, so such content is
 * read as generic elements and written back with its own names, attributes and children.
 *
 * Why no typed descriptors for camunda/flowable/activiti/signavio/bizagi/qbp: once a namespace is
 * registered as a moddle package, moddle resolves each of its elements against the declared types
 * and drops any element the descriptor does not declare (it cannot fall back to a generic element
 * for a known namespace). A minimal descriptor would therefore lose exactly the vendor content it
 * does not list; unregistered, moddle keeps all of it generically (in extensionElements) and this
 * catch-all keeps it everywhere else. VENDOR_NAMESPACES below only names the tools in the import
 * report.
 */
export const KEEP_NS_URI = 'urn:bpr-studio:bpmn:keep:1.0';
export const KEEP_PROPERTY = 'foreignContent';

/**
 * The direct subtypes of bpmn:BaseElement in bpmn-moddle's BPMN 2.0 schema (a trait on BaseElement
 * itself would put the list before <rootElements> of Definitions). Left out on purpose: Definitions
 * (own trait below, so the list is written last, after the diagrams, where BIMP reads its block) and
 * Documentation / Expression, whose text is the content: a generic child there would be written before
 * the text and reorder mixed content (HTML in documentation), so a lost child there is reported instead.
 */
const TRAIT_TARGETS = [
  'Operation',
  'Auditing',
  'Monitoring',
  'LaneSet',
  'Lane',
  'Rendering',
  'RootElement',
  'Relationship',
  'DataState',
  'ItemAwareElement',
  'DataAssociation',
  'InputSet',
  'OutputSet',
  'InputOutputSpecification',
  'Assignment',
  'ConversationLink',
  'ConversationAssociation',
  'ConversationNode',
  'CorrelationKey',
  'FlowElement',
  'FlowElementsContainer',
  'CorrelationPropertyRetrievalExpression',
  'CorrelationPropertyBinding',
  'ResourceParameter',
  'CorrelationSubscription',
  'MessageFlow',
  'MessageFlowAssociation',
  'Participant',
  'ParticipantAssociation',
  'ParticipantMultiplicity',
  'Artifact',
  'CategoryValue',
  'LoopCharacteristics',
  'ComplexBehaviorDefinition',
  'ResourceRole',
  'ResourceParameterBinding',
  'ResourceAssignmentExpression',
].map((t) => `bpmn:${t}`);

export const keepDescriptor = {
  name: 'BPR Studio: content of other tools, kept unchanged',
  uri: KEEP_NS_URI,
  prefix: 'bprkeep',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    {
      name: 'ForeignContent',
      extends: [...TRAIT_TARGETS, 'bpmn:Definitions', 'di:DiagramElement', 'di:Diagram'],
      properties: [{ name: KEEP_PROPERTY, type: 'Element', isMany: true }],
    },
  ],
};

/** Namespaces of the tools cities bring files from, for naming them in the import report. */
export const VENDOR_NAMESPACES: Array<{ uri: string; tool: string }> = [
  { uri: 'http://www.qbp-simulator.com/Schema201212', tool: 'BIMP / Prosimos (qbp)' },
  { uri: 'http://camunda.org/schema/1.0/bpmn', tool: 'Camunda 7' },
  { uri: 'http://camunda.org/schema/zeebe/1.0', tool: 'Camunda 8 (zeebe)' },
  { uri: 'http://camunda.org/schema/modeler/1.0', tool: 'Camunda Modeler' },
  { uri: 'http://flowable.org/bpmn', tool: 'Flowable' },
  { uri: 'http://activiti.org/bpmn', tool: 'Activiti' },
  { uri: 'http://www.jboss.org/drools', tool: 'jBPM (drools)' },
  { uri: 'http://www.signavio.com', tool: 'Signavio' },
  { uri: 'http://www.bizagi.com/bpmn20', tool: 'Bizagi' },
  { uri: 'http://www.bpsim.org/schemas/1.0', tool: 'BPSim' },
  { uri: 'http://www.trisotech.com/2014/triso/bpmn', tool: 'Trisotech' },
  { uri: 'http://www.trisotech.com/2015/triso/modeling', tool: 'Trisotech' },
  { uri: 'http://www.omg.org/spec/BPMN/non-normative/color/1.0', tool: 'BPMN color' },
];

export const vendorToolOf = (uri: string): string | undefined => VENDOR_NAMESPACES.find((v) => v.uri === uri)?.tool;
