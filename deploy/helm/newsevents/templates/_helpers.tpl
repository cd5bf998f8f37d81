{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "newsevents.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; stage objects append "-<stage>", so keep room for it. */}}
{{- define "newsevents.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "newsevents.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "newsevents.labels" -}}
helm.sh/chart: {{ include "newsevents.chart" . }}
{{ include "newsevents.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: newsevents
{{- end }}

{{- define "newsevents.selectorLabels" -}}
app.kubernetes.io/name: {{ include "newsevents.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one stage's objects; call with (dict "root" $ "stage" "linker"). */}}
{{- define "newsevents.stageLabels" -}}
{{ include "newsevents.labels" .root }}
app.kubernetes.io/component: {{ .stage }}
{{- end }}

{{- define "newsevents.stageSelectorLabels" -}}
{{ include "newsevents.selectorLabels" .root }}
app.kubernetes.io/component: {{ .stage }}
{{- end }}

{{- define "newsevents.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "newsevents.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The enabled stages, as a list, after checking they make sense together. */}}
{{- define "newsevents.enabledStages" -}}
{{- $enabled := list }}
{{- range $name := list "classifier" "linker" "alert" "all" }}
{{- if (index $.Values.stages $name).enabled }}
{{- $enabled = append $enabled $name }}
{{- end }}
{{- end }}
{{- if and (has "all" $enabled) (gt (len $enabled) 1) }}
{{- fail "stages.all runs every stage in one process: enable it alone, or each article is processed twice" }}
{{- end }}
{{- if not $enabled }}
{{- fail "enable at least one of stages.classifier, stages.linker, stages.alert, stages.all" }}
{{- end }}
{{- toJson $enabled }}
{{- end }}

{{/* The Kafka security protocol: explicit, or derived from the SASL/TLS secrets. */}}
{{- define "newsevents.kafkaSecurityProtocol" -}}
{{- $k := .Values.kafka }}
{{- if $k.securityProtocol }}{{ $k.securityProtocol }}
{{- else if and $k.sasl.existingSecret $k.tls.existingSecret }}SASL_SSL
{{- else if $k.sasl.existingSecret }}SASL_PLAINTEXT
{{- else if $k.tls.existingSecret }}SSL
{{- else }}PLAINTEXT
{{- end }}
{{- end }}

{{/* The topic a stage consumes, with the prefix; empty for "all", which consumes three. */}}
{{- define "newsevents.sourceTopic" -}}
{{- $topics := dict "classifier" "articles.raw" "linker" "articles.classified" "alert" "articles.linked" }}
{{- with index $topics .stage }}{{ printf "%s%s" $.root.Values.config.topicPrefix . }}{{ end }}
{{- end }}

{{- define "newsevents.hasAlertRules" -}}
{{- if .Values.alertRules }}true{{ end }}
{{- end }}
