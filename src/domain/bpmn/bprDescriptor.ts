/**
 * The `bpr:` moddle extension: what a workshop writes on a process travels inside the .bpmn file.
 *
 * Layout in XML (all times in minutes unless a unit says otherwise):
 *
 *   <bpmn:task id="Task_1" name="本人確認">
 *     <bpmn:extensionElements>
 *       <bpr:step role="窓口担当" paperSheets="2" systems="1" automation="none" costPerCase="20">
 *                                                   (costPerCase: ¥ per execution, e.g. an OCR read)
 *         <bpr:staffTime type="triangular" min="5" mode="8" max="15"/>
 *         <bpr:residentTime type="fixed" value="8"/>
 *         <bpr:lag type="fixed" value="2" unit="businessDays" reason="決裁待ち"/>
 *         <bpr:assessment ruleBased="5" digitalInput="2" structuredInput="4" stability="4"
 *                         documented="3" exceptionRate="10"/>   (RPA screening: 1–5, exceptionRate in %)
 *       </bpr:step>
 *     </bpmn:extensionElements>
 *   </bpmn:task>
 *
 *   <bpmn:sequenceFlow id="Flow_1" bpr:probability="70" .../>
 *
 *   <bpmn:startEvent id="Start_1">
 *     <bpmn:extensionElements>
 *       <bpr:arrivals annualVolume="4800" seasonality="7,7,14,14,8,7,7,7,7,7,7,8" calendar="office"/>
 *       (optional interArrival="fixed": evenly spaced cases instead of Poisson arrivals)
 *     </bpmn:extensionElements>
 *   </bpmn:startEvent>
 *
 *   <bpmn:process> or <bpmn:collaboration>
 *     <bpmn:extensionElements>
 *       <bpr:settings hoursPerFte="1860" fixedCostPerYear="450000">   (¥ per year, e.g. licences)
 *         <bpr:role name="窓口担当" headcount="3" hourlyCost="3500" calendar="office"/>
 *         <bpr:calendar id="office" name="庁舎開庁時間" open="08:30" close="17:15"
 *                       lunchStart="12:00" lunchEnd="13:00" weekdays="1,2,3,4,5"
 *                       publicHolidays="true" yearEndClosure="true"/>
 *       </bpr:settings>
 *     </bpmn:extensionElements>
 *   </bpmn:process>
 *
 * Each kind of child gets its own type so that its XML tag is unambiguous whatever moddle's
 * naming rule for a containment property is.
 */
export const BPR_NS_URI = 'urn:bpr-studio:bpmn:annotations:1.0';
export const BPR_PREFIX = 'bpr';

const distributionAttrs = [
  { name: 'type', isAttr: true, type: 'String' },
  { name: 'value', isAttr: true, type: 'Real' },
  { name: 'min', isAttr: true, type: 'Real' },
  { name: 'mode', isAttr: true, type: 'Real' },
  { name: 'max', isAttr: true, type: 'Real' },
  { name: 'mean', isAttr: true, type: 'Real' },
  { name: 'sd', isAttr: true, type: 'Real' },
];

export const bprDescriptor = {
  name: 'BPR Studio annotations',
  uri: BPR_NS_URI,
  prefix: BPR_PREFIX,
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  enumerations: [],
  types: [
    { name: 'Distribution', isAbstract: true, properties: distributionAttrs },
    { name: 'StaffTime', superClass: ['Distribution'] },
    { name: 'ResidentTime', superClass: ['Distribution'] },
    {
      name: 'Lag',
      superClass: ['Distribution'],
      properties: [
        { name: 'unit', isAttr: true, type: 'String' },
        { name: 'reason', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Step',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:Activity'] },
      properties: [
        { name: 'role', isAttr: true, type: 'String' },
        { name: 'paperSheets', isAttr: true, type: 'Real' },
        { name: 'systems', isAttr: true, type: 'Integer' },
        { name: 'automation', isAttr: true, type: 'String' },
        { name: 'costPerCase', isAttr: true, type: 'Real' },
        { name: 'staffTime', type: 'StaffTime' },
        { name: 'residentTime', type: 'ResidentTime' },
        { name: 'lag', type: 'Lag' },
        { name: 'assessment', type: 'Assessment' },
      ],
    },
    {
      name: 'Assessment',
      properties: [
        { name: 'ruleBased', isAttr: true, type: 'Integer' },
        { name: 'digitalInput', isAttr: true, type: 'Integer' },
        { name: 'structuredInput', isAttr: true, type: 'Integer' },
        { name: 'stability', isAttr: true, type: 'Integer' },
        { name: 'documented', isAttr: true, type: 'Integer' },
        { name: 'exceptionRate', isAttr: true, type: 'Real' },
      ],
    },
    {
      name: 'Arrivals',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:StartEvent'] },
      properties: [
        { name: 'annualVolume', isAttr: true, type: 'Real' },
        { name: 'seasonality', isAttr: true, type: 'String' },
        { name: 'calendar', isAttr: true, type: 'String' },
        { name: 'interArrival', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'FlowProbability',
      extends: ['bpmn:SequenceFlow'],
      properties: [{ name: 'probability', isAttr: true, type: 'Real' }],
    },
    {
      name: 'Role',
      properties: [
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'headcount', isAttr: true, type: 'Real' },
        { name: 'hourlyCost', isAttr: true, type: 'Real' },
        { name: 'calendar', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Calendar',
      properties: [
        { name: 'id', isAttr: true, type: 'String' },
        { name: 'name', isAttr: true, type: 'String' },
        { name: 'open', isAttr: true, type: 'String' },
        { name: 'close', isAttr: true, type: 'String' },
        { name: 'lunchStart', isAttr: true, type: 'String' },
        { name: 'lunchEnd', isAttr: true, type: 'String' },
        { name: 'weekdays', isAttr: true, type: 'String' },
        { name: 'publicHolidays', isAttr: true, type: 'Boolean' },
        { name: 'yearEndClosure', isAttr: true, type: 'Boolean' },
        { name: 'closedDates', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'Settings',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:Process', 'bpmn:Collaboration'] },
      properties: [
        { name: 'hoursPerFte', isAttr: true, type: 'Real' },
        { name: 'fixedCostPerYear', isAttr: true, type: 'Real' },
        { name: 'roles', type: 'Role', isMany: true },
        { name: 'calendars', type: 'Calendar', isMany: true },
      ],
    },
  ],
} as const;
