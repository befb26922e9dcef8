<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FieldHint</name>
    <message>
        <location filename="../field_units.cpp" line="22"/>
        <source>calendar year</source>
        <translation>公历年份</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="22"/>
        <source>1901 to 2150</source>
        <translation>1901 至 2150</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="23"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="23"/>
        <source>within the project&apos;s life</source>
        <translation>在项目期限内</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="24"/>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="24"/>
        <source>whole number, 0 or more</source>
        <translation>整数，不小于 0</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="25"/>
        <source>ratio</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="25"/>
        <location filename="../field_units.cpp" line="26"/>
        <location filename="../field_units.cpp" line="36"/>
        <source>0 or more</source>
        <translation>不小于 0</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="26"/>
        <source>units per year</source>
        <translation>每年数量</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="30"/>
        <source>fraction per year (0.05 = 5%)</source>
        <translation>年比率（0.05 = 5%）</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="30"/>
        <source>above -1</source>
        <translation>大于 -1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="32"/>
        <source>fraction (0.25 = 25%)</source>
        <translation>比例（0.25 = 25%）</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="32"/>
        <source>0 to 1</source>
        <translation>0 至 1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="43"/>
        <source>Financing: %1</source>
        <translation>融资方案：%1</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="46"/>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="48"/>
        <source>Revenues and energy savings</source>
        <translation>收入与节能收益</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="49"/>
        <source>Rates and tax</source>
        <translation>折现率与税率</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="50"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="51"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="52"/>
        <source>Social outcomes</source>
        <translation>社会效益</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="53"/>
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="54"/>
        <source>Plans</source>
        <translation>备选方案</translation>
    </message>
    <message>
        <location filename="../field_units.cpp" line="55"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::ComparisonModel</name>
    <message>
        <location filename="../results_models.cpp" line="53"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="53"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="66"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="67"/>
        <source>Structure</source>
        <translation>融资结构</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="68"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="69"/>
        <source>Feasible</source>
        <translation>可行</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="70"/>
        <source>City present cost</source>
        <translation>政府成本现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="71"/>
        <source>City peak outlay</source>
        <translation>政府年度最高支出</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="72"/>
        <source>Equity IRR</source>
        <translation>股权内部收益率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="73"/>
        <source>Min DSCR</source>
        <translation>最低偿债覆盖率</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::FieldModel</name>
    <message>
        <location filename="../field_model.cpp" line="195"/>
        <source>Section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="196"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="197"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="198"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../field_model.cpp" line="199"/>
        <source>Valid range</source>
        <translation>有效范围</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::MainWindow</name>
    <message>
        <location filename="../main_window.cpp" line="98"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="113"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="114"/>
        <source>Investor</source>
        <translation>投资者</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="115"/>
        <source>Society</source>
        <translation>社会</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="117"/>
        <source>Perspective:</source>
        <translation>视角：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="120"/>
        <location filename="../main_window.cpp" line="142"/>
        <source>Copy table</source>
        <translation>复制表格</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="131"/>
        <source>Comparison</source>
        <translation>方案比较</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="140"/>
        <source>Structure:</source>
        <translation>融资结构：</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="147"/>
        <source>Parties and cash flows</source>
        <translation>各方现金流</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="150"/>
        <source>The charts are not part of this build yet: the tables on the other tabs hold the same figures.</source>
        <translation>此版本尚未包含图表：其他标签页中的表格列出了相同的数据。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="155"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="161"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="162"/>
        <source>&amp;New from template...</source>
        <translation>从模板新建(&amp;N)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="163"/>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="164"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="166"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="167"/>
        <source>Save &amp;as...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="169"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="171"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="172"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="174"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="185"/>
        <source>Cannot open the case</source>
        <translation>无法打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="195"/>
        <source>Open a case</source>
        <translation>打开案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="195"/>
        <location filename="../main_window.cpp" line="203"/>
        <location filename="../main_window.cpp" line="228"/>
        <source>Case files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="202"/>
        <source>New case from a template</source>
        <translation>从模板新建案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="208"/>
        <source>Cannot open the template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="218"/>
        <location filename="../main_window.cpp" line="233"/>
        <source>Cannot save the case</source>
        <translation>无法保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="228"/>
        <source>Save the case</source>
        <translation>保存案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="244"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="245"/>
        <source>The case has unsaved changes. Save them?</source>
        <translation>案例有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="267"/>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="276"/>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的修改</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="277"/>
        <source>cityfin did not close cleanly last time. Restore the unsaved case &quot;%1&quot;?</source>
        <translation>cityfin 上次未正常关闭。是否恢复未保存的案例“%1”？</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="300"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="305"/>
        <source>untitled case</source>
        <translation>未命名案例</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="306"/>
        <source>%1[*] - cityfin</source>
        <translation>%1[*] - cityfin</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="314"/>
        <source>Not recomputed, the last good results stay on screen: %1</source>
        <translation>未重新计算，屏幕上保留上一次有效的结果：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="332"/>
        <source>Recomputing...</source>
        <translation>正在重新计算...</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="340"/>
        <source>Results up to date</source>
        <translation>结果已更新</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="354"/>
        <source>Recommended: %1</source>
        <translation>推荐方案：%1</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="356"/>
        <source>No structure is feasible.</source>
        <translation>没有可行的融资结构。</translation>
    </message>
    <message>
        <location filename="../main_window.cpp" line="364"/>
        <source>Table copied as tab-separated values</source>
        <translation>表格已按制表符分隔复制</translation>
    </message>
</context>
<context>
    <name>cityfin::gui::PartiesModel</name>
    <message>
        <location filename="../results_models.cpp" line="17"/>
        <source>City</source>
        <translation>政府</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="18"/>
        <source>Private partner</source>
        <translation>社会资本方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="19"/>
        <source>Lenders</source>
        <translation>贷款方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="20"/>
        <source>Users</source>
        <translation>使用者</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="21"/>
        <source>Outside funders</source>
        <translation>外部出资方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="124"/>
        <source>Party</source>
        <translation>参与方</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="125"/>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="126"/>
        <source>NPV</source>
        <translation>净现值</translation>
    </message>
    <message>
        <location filename="../results_models.cpp" line="127"/>
        <source>IRR</source>
        <translation>内部收益率</translation>
    </message>
</context>
</TS>
